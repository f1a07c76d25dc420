import { check } from './pvc-ref-missing.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
