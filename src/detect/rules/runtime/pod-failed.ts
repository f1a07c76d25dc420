// pod-failed: Pod failed or was evicted.
import type { CheckMeta } from '../../check.js';
import { yamlDocs } from '../../util/examples.js';
import { podStatusCheck, podYaml } from './shared.js';

export const check = podStatusCheck({
  id: 'pod-failed', title: 'Pod failed or was evicted', category: 'runtime', severity: 'warning', aliases: ['pod-evicted', 'popeye:207', 'detek:failed_pod', 'k8sgpt:Pod'], needs: ['live'],
  docs: { why: 'Evicted pods (node pressure, ephemeral-storage limit) and Failed pods of long-running workloads point at resource pressure or crashes; evicted pod objects also pile up.', fix: 'Read the status reason/message; for evictions check node pressure and ephemeral-storage requests/limits, then delete the failed pod objects.' },
  examples: { fail: yamlDocs(podYaml('web-1', { phase: 'Failed', reason: 'Evicted', message: 'The node was low on resource: ephemeral-storage.' })), pass: yamlDocs(podYaml('web-1', { phase: 'Running' }), podYaml('job-1', { phase: 'Succeeded' })) },
} satisfies CheckMeta, (pod) => {
  const s = pod.obj.status ?? {};
  if (s.phase !== 'Failed') return [];
  // A failed Job pod is the Job's business (job-failed).
  if ((pod.obj.metadata?.ownerReferences ?? []).some((o) => o.kind === 'Job')) return [];
  return [{ key: String(s.reason ?? 'Failed'), message: `${s.reason ?? 'Failed'}${s.message ? `: ${String(s.message).slice(0, 200)}` : ''}`, evidence: { phase: 'Failed', reason: s.reason ?? null, message: s.message ?? null } }];
});
