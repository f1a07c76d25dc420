import { check } from './rbac-wildcard-rules.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
