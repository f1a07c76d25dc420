import { check } from './sensitive-configmap-content.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
