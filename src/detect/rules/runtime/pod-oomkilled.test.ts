import { check } from './pod-oomkilled.js';
import { describeExamples } from '../../testing.js';

describeExamples(check, { live: true });
