import { check } from './pod-waiting-error.js';
import { describeExamples } from '../../testing.js';

describeExamples(check, { live: true });
