import { check } from './probe-port-not-exposed.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
