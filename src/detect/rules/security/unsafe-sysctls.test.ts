import { check } from './unsafe-sysctls.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
