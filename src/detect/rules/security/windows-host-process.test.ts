import { check } from './windows-host-process.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
