import { check } from './readiness-probe-missing.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
