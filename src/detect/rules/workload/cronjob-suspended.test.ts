import { check } from './cronjob-suspended.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
