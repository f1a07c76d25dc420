import { check } from './root-filesystem-writable.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
