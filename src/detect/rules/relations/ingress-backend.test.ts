import { ingressBackendServiceMissing, ingressBackendPortInvalid } from './ingress-backend.js';
import { describeExamples } from '../../testing.js';

describeExamples(ingressBackendServiceMissing);
describeExamples(ingressBackendPortInvalid);
