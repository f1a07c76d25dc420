import { check } from './ingress-backend-port-invalid.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
