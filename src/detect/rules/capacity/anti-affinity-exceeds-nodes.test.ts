import { check } from './anti-affinity-exceeds-nodes.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
