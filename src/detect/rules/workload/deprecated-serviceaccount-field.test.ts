import { check } from './deprecated-serviceaccount-field.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
