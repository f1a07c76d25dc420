// deployment-progress-stalled: Deployment rollout stopped progressing.
import type { CheckMeta } from '../../check.js';
import { perObject } from '../../util/make.js';
import { yamlDocs } from '../../util/examples.js';
import { cond, dep } from './controller-status.js';

export const check = perObject({
  id: 'deployment-progress-stalled', title: 'Deployment rollout stopped progressing', category: 'runtime', severity: 'critical',
  aliases: ['k8sgpt:Deployment'], needs: ['live'],
  docs: { why: 'Progressing=False with ProgressDeadlineExceeded: the new ReplicaSet\'s pods never became available within progressDeadlineSeconds. Deployments do not roll back by themselves.', fix: 'Look at the new pods (crash, image, scheduling); fix and roll forward, or `kubectl rollout undo`.' },
  examples: { fail: yamlDocs(dep({ replicas: 3, availableReplicas: 2, conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: 'ReplicaSet "web-7c9" has timed out progressing.' }] })), pass: yamlDocs(dep({ replicas: 3, availableReplicas: 3, readyReplicas: 3, conditions: [{ type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable' }] })) },
} satisfies CheckMeta, ['Deployment'], (d) => {
  const c = cond(d.obj, 'Progressing');
  return c?.status === 'False' ? { message: `rollout stalled: ${c.reason ?? ''} ${c.message ?? ''}`.trim(), evidence: { reason: c.reason, message: c.message, lastUpdateTime: c.lastUpdateTime } } : undefined;
});
