import { check } from './pod-restarting.js';
import { describeExamples } from '../../testing.js';

describeExamples(check, { live: true });
