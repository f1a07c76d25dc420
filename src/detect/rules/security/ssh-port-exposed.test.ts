import { check } from './ssh-port-exposed.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
