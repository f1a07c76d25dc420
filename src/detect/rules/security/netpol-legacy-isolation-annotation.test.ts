import { check } from './netpol-legacy-isolation-annotation.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
