import { check } from './deployment-single-replica.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
