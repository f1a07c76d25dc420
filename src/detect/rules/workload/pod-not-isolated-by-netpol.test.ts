import { check } from './pod-not-isolated-by-netpol.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
