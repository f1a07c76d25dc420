import { check } from './node-conditions.js';
import { describeExamples } from '../../testing.js';

describeExamples(check, { live: true });
