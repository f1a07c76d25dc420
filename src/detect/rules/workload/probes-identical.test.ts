import { check } from './probes-identical.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
