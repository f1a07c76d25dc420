import { check } from './ingress-class-missing.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
