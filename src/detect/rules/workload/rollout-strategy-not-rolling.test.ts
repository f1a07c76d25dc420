import { check } from './rollout-strategy-not-rolling.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
