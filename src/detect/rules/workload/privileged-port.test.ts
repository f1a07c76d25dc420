import { check } from './privileged-port.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
