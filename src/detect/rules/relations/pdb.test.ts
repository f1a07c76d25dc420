import { pdbSelectsNoPods, pdbBlocksEviction } from './pdb.js';
import { describeExamples } from '../../testing.js';

describeExamples(pdbSelectsNoPods);
describeExamples(pdbBlocksEviction);
