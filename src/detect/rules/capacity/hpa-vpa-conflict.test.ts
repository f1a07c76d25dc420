import { check } from './hpa-vpa-conflict.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
