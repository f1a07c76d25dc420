import { check } from './deprecated-api-version.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
