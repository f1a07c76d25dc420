import { check } from './hpa-min-greater-than-max.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
