import { check } from './sa-token-automounted.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
