import { check } from './netpol-selects-no-pods.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
