import { check } from './host-ipc.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
