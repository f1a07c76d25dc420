import { check } from './pv-phase-problem.js';
import { describeExamples } from '../../testing.js';

describeExamples(check, { live: true });
