import { check } from './servicemonitor-selects-nothing.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
