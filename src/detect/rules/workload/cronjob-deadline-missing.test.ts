import { check } from './cronjob-deadline-missing.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
