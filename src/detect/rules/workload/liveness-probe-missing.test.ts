import { check } from './liveness-probe-missing.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
