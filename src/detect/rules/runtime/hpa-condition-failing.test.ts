import { check } from './hpa-condition-failing.js';
import { describeExamples } from '../../testing.js';

describeExamples(check, { live: true });
