import { check } from './host-port.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
