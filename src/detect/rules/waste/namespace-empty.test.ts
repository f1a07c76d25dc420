import { check } from './namespace-empty.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
