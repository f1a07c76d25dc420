import { check } from './storageclass-missing.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
