import { check } from './memory-request-missing.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
