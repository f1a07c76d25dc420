import { check } from './selector-template-mismatch.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
