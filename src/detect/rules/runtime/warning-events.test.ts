import { check } from './warning-events.js';
import { describeExamples } from '../../testing.js';

describeExamples(check, { live: true });
