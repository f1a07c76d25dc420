import { check } from './cpu-request-missing.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
