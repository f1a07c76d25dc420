import { check } from './priority-class-missing.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
