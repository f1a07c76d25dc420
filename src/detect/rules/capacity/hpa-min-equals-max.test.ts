import { check } from './hpa-min-equals-max.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
