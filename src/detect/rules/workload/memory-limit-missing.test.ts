import { check } from './memory-limit-missing.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
