import { check } from './ingress-tls-secret-missing.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
