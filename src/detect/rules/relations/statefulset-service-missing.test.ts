import { check } from './statefulset-service-missing.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
