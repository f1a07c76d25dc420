import { check } from './name-label-mismatch.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
