import { check } from './job-failed.js';
import { describeExamples } from '../../testing.js';

describeExamples(check, { live: true });
