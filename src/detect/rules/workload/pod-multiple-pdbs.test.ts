import { check } from './pod-multiple-pdbs.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
