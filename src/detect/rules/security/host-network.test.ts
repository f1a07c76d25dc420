import { check } from './host-network.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
