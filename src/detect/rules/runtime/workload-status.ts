// Controller status: stalled rollouts, unavailable replicas, failed jobs.
import type { CheckMeta } from '../../check.js';
import { perObject } from '../../util/make.js';
import { obj, yamlDocs } from '../../util/examples.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
const cond = (o: any, type: string) => (o.status?.conditions ?? []).find((c: any) => c?.type === type);
const dep = (status: Record<string, unknown>, replicas = 3) => obj('apps/v1', 'Deployment', 'web', { spec: { replicas, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'shop/app:1.0' }] } } }, status });

export const progressStalled = perObject({
  id: 'deployment-progress-stalled', title: 'Deployment rollout stopped progressing', category: 'runtime', severity: 'critical',
  aliases: ['k8sgpt:Deployment'], needs: ['live'],
  docs: { why: 'Progressing=False with ProgressDeadlineExceeded: the new ReplicaSet\'s pods never became available within progressDeadlineSeconds. Deployments do not roll back by themselves.', fix: 'Look at the new pods (crash, image, scheduling); fix and roll forward, or `kubectl rollout undo`.' },
  examples: { fail: yamlDocs(dep({ replicas: 3, availableReplicas: 2, conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: 'ReplicaSet "web-7c9" has timed out progressing.' }] })), pass: yamlDocs(dep({ replicas: 3, availableReplicas: 3, readyReplicas: 3, conditions: [{ type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable' }] })) },
} satisfies CheckMeta, ['Deployment'], (d) => {
  const c = cond(d.obj, 'Progressing');
  return c?.status === 'False' ? { message: `rollout stalled: ${c.reason ?? ''} ${c.message ?? ''}`.trim(), evidence: { reason: c.reason, message: c.message, lastUpdateTime: c.lastUpdateTime } } : undefined;
});

export const workloadUnavailable = perObject({
  id: 'workload-unavailable', title: 'Workload has fewer ready replicas than desired', category: 'runtime', severity: 'warning',
  aliases: ['popeye:501', 'k8sgpt:Deployment', 'k8sgpt:StatefulSet', 'k8sgpt:DaemonSet'], needs: ['live'],
  docs: { why: 'Fewer ready pods than desired means reduced capacity or, at zero, an outage for the Services in front.', fix: 'Find why the missing pods are not ready (runtime findings on its pods: crash, pull, scheduling, probes).' },
  examples: { fail: yamlDocs(dep({ replicas: 3, readyReplicas: 1 })), pass: yamlDocs(dep({ replicas: 3, readyReplicas: 3 })) },
} satisfies CheckMeta, ['Deployment', 'StatefulSet', 'DaemonSet'], (w) => {
  const s = w.obj.status ?? {};
  const desired = w.obj.kind === 'DaemonSet' ? Number(s.desiredNumberScheduled ?? 0) : Number(w.obj.spec?.replicas ?? 1);
  const ready = Number(w.obj.kind === 'DaemonSet' ? s.numberReady ?? 0 : s.readyReplicas ?? 0);
  if (!(desired > 0) || ready >= desired) return undefined;
  return { severity: ready === 0 ? 'critical' : 'warning', message: `${ready}/${desired} replicas ready`, evidence: { desired, ready } };
});

export const jobFailed = perObject({
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
