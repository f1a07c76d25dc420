import { check } from './hpa-target-missing.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
