import { check } from './linux-hardening-missing.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
