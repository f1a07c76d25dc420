import { check } from './pvc-pending-or-lost.js';
import { describeExamples } from '../../testing.js';

describeExamples(check, { live: true });
