import { check } from './pod-failed.js';
import { describeExamples } from '../../testing.js';

describeExamples(check, { live: true });
