import { check } from './hpa-min-replicas-low.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
