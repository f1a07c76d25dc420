import { check } from './dangerous-capabilities.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
