import { check } from './hpa-with-static-replicas.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
