import { check } from './service-type-nodeport.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
