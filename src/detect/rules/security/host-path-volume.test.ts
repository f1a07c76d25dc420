import { check } from './host-path-volume.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
