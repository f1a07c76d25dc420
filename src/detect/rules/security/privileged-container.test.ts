import { check } from './privileged-container.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
