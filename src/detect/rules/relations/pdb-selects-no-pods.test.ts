import { check } from './pdb-selects-no-pods.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
