import { check } from './container-port-invalid.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
