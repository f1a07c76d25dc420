import { check } from './pvc-unused.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
