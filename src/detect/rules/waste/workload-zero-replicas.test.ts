import { check } from './workload-zero-replicas.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
