import { check } from './cpu-limit-missing.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
