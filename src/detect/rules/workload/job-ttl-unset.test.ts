import { check } from './job-ttl-unset.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
