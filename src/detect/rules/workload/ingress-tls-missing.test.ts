import { check } from './ingress-tls-missing.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
