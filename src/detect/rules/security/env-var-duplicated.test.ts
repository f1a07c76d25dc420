import { check } from './env-var-duplicated.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
