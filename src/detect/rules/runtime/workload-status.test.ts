import { jobFailed, progressStalled, workloadUnavailable } from './workload-status.js';
import { describeExamples } from '../../testing.js';

for (const c of [progressStalled, workloadUnavailable, jobFailed]) describeExamples(c, { live: true });
