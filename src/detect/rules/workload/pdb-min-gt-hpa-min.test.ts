import { check } from './pdb-min-gt-hpa-min.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
