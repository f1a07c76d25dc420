import * as m from './more-runtime.js';
import { describeExamples } from '../../testing.js';

for (const c of Object.values(m)) describeExamples(c, { live: true });
