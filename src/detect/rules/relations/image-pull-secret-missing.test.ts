import { check } from './image-pull-secret-missing.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
