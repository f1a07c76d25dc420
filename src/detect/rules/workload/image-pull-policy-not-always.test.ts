import { check } from './image-pull-policy-not-always.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
