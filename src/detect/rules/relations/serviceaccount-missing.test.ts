import { check } from './serviceaccount-missing.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
