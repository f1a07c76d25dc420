import { check } from './pdb-blocks-eviction.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
