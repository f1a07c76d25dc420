import { check } from './label-value-invalid.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
