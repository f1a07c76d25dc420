import { check } from './rbac-cluster-admin-binding.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
