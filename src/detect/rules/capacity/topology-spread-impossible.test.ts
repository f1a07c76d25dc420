import { check } from './topology-spread-impossible.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
