import { check } from './hpa-target-without-requests.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
