import { check } from './host-pid.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
