import { check } from './topology-spread-missing-or-invalid.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
