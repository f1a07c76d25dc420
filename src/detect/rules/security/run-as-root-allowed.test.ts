import { check } from './run-as-root-allowed.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
