import { check } from './anti-affinity-missing.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
