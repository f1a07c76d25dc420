import { check } from './service-port-mismatch.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
