import { check } from './image-tag-missing.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
