import type { CheckMeta } from '../../check.js';
import { perTemplate } from '../../util/make.js';
import { deployment, obj, yamlDocs } from '../../util/examples.js';
import { hpasFor, pdbsSelecting } from '../../util/refs.js';

// Only for workloads that ask for ≥2 replicas (explicitly or via HPA minReplicas): with replicas unset or 1
// a PDB would block drains instead (zegl/kube-score#536, #376).
const meta: CheckMeta = {
  id: 'pdb-missing',
  title: 'Multi-replica workload without PodDisruptionBudget',
  category: 'workload',
  severity: 'warning',
  aliases: ['polaris:missingPodDisruptionBudget', 'kube-score:deployment-has-poddisruptionbudget', 'kube-score:statefulset-has-poddisruptionbudget'],
  needs: [],
  docs: {
    why: 'Without a PDB a node drain or cluster upgrade may evict all replicas at once.',
    fix: 'Add a PodDisruptionBudget selecting the pods with `maxUnavailable: 1` (or minAvailable below replicas).',
  },
  examples: {
    fail: yamlDocs(deployment('web', {}, { replicas: 3 })),
    pass: yamlDocs(deployment('web', {}, { replicas: 3 }), obj('policy/v1', 'PodDisruptionBudget', 'web', { spec: { maxUnavailable: 1, selector: { matchLabels: { app: 'web' } } } }), deployment('one', {})),
  },
};

export const check = perTemplate(meta, (tpl, ctx) => {
  if (tpl.isPod || ['Job', 'CronJob', 'DaemonSet'].includes(tpl.owner.obj.kind)) return undefined;
  const hpaMin = Math.max(0, ...hpasFor(ctx.inv, tpl.owner).map((h) => Number(h.obj.spec?.minReplicas ?? 1)));
  const replicas = Math.max(tpl.replicas ?? 0, hpaMin);
  if (replicas < 2) return undefined;
  if (pdbsSelecting(ctx.inv, tpl).length) return undefined;
  return { message: `${replicas} replicas and no PodDisruptionBudget selects them`, evidence: { replicas, labels: tpl.labels } };
});
