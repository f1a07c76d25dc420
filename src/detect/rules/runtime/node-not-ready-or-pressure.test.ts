import { check } from './node-not-ready-or-pressure.js';
import { describeExamples } from '../../testing.js';

describeExamples(check, { live: true });
