import { check } from './rbac-role-allows-exec-attach.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
