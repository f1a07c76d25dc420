import { check } from './limitrange-max.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
