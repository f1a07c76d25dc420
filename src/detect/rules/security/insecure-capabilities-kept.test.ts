import { check } from './insecure-capabilities-kept.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);
