// job-failed: Job failed.
import type { CheckMeta } from '../../check.js';
import { perObject } from '../../util/make.js';
import { obj, yamlDocs } from '../../util/examples.js';
import { cond } from './controller-status.js';

export const check = perObject({
  id: 'job-failed', title: 'Job failed', category: 'runtime', severity: 'warning',
  aliases: ['job-failed-or-suspended', 'k8sgpt:Job'], needs: ['live'],
  docs: { why: 'A Job with condition Failed (BackoffLimitExceeded, DeadlineExceeded) did not do its work; with CronJobs the next run may fail the same way.', fix: 'Read the logs of the failed pods (`kubectl logs job/<name>`), fix, and re-run.' },
  examples: {
    fail: yamlDocs(obj('batch/v1', 'Job', 'migrate', { spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'm', image: 'shop/migrate:1' }] } } }, status: { failed: 6, conditions: [{ type: 'Failed', status: 'True', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' }] } })),
    pass: yamlDocs(obj('batch/v1', 'Job', 'migrate', { spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'm', image: 'shop/migrate:1' }] } } }, status: { succeeded: 1, conditions: [{ type: 'Complete', status: 'True' }] } })),
  },
} satisfies CheckMeta, ['Job'], (j) => {
  const c = cond(j.obj, 'Failed');
  return c?.status === 'True' ? { message: `Job ${j.ci.name} failed: ${c.reason ?? ''} ${c.message ?? ''}`.trim(), evidence: { reason: c.reason, failed: j.obj.status?.failed ?? 0 } } : undefined;
});
