// workload-unavailable: Workload has fewer ready replicas than desired.
import type { CheckMeta } from '../../check.js';
import { perObject } from '../../util/make.js';
import { yamlDocs } from '../../util/examples.js';
import { dep } from './controller-status.js';

export const check = perObject({
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
