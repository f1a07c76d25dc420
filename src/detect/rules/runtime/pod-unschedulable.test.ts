import { check } from './pod-unschedulable.js';
import { describeExamples } from '../../testing.js';

describeExamples(check, { live: true });
