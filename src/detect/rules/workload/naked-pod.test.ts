import { check } from './naked-pod.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
