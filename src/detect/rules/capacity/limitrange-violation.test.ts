import { check } from './limitrange-violation.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
