import { check } from './pod-image-pull-failed.js';
import { describeExamples } from '../../testing.js';

describeExamples(check, { live: true });
