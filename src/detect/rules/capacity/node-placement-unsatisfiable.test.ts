import { check } from './node-placement-unsatisfiable.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
