import { check } from './gateway-api-broken-ref.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
