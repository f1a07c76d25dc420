import { check } from './ingress-backend-service-missing.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
