import { check } from './workload-unavailable.js';
import { describeExamples } from '../../testing.js';

describeExamples(check, { live: true });
