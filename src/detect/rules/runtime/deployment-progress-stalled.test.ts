import { check } from './deployment-progress-stalled.js';
import { describeExamples } from '../../testing.js';

describeExamples(check, { live: true });
