import { check } from './webhook-service-missing.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
