import { check } from './ephemeral-storage-missing.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
