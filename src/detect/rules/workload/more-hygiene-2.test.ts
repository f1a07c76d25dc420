import * as m from './more-hygiene-2.js';
import { describeExamples } from '../../testing.js';

for (const c of Object.values(m)) describeExamples(c);
