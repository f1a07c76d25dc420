import { check } from './cronjob-invalid-schedule.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
