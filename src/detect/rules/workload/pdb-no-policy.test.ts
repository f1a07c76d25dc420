import { check } from './pdb-no-policy.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
