import * as m from './more-relations.js';
import { describeExamples } from '../../testing.js';

for (const c of Object.values(m)) describeExamples(c);
