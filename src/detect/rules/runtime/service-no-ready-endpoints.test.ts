import { check } from './service-no-ready-endpoints.js';
import { describeExamples } from '../../testing.js';

describeExamples(check, { live: true });
