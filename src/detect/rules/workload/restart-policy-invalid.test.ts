import { check } from './restart-policy-invalid.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
