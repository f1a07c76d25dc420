import { check } from './proc-mount-unmasked.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
