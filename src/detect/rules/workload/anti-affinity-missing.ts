// anti-affinity-missing: Multi-replica workload without spreading.
import { perTemplate } from '../../util/make.js';
import { deployment, yamlDocs } from '../../util/examples.js';

export const check = perTemplate(
  {
    id: 'anti-affinity-missing', title: 'Multi-replica workload without spreading', category: 'workload', severity: 'info',
    aliases: ['kube-score:deployment-has-host-podantiaffinity', 'kube-linter:no-anti-affinity'], needs: [],
    docs: { why: 'Without pod anti-affinity or topology spread, the scheduler may put all replicas on one node, which then takes them all down.', fix: 'Add a preferred podAntiAffinity on kubernetes.io/hostname or a topologySpreadConstraint.' },
    examples: {
      fail: yamlDocs(deployment('web', {}, { replicas: 3 })),
      pass: yamlDocs(deployment('web', { affinity: { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, podAffinityTerm: { topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { app: 'web' } } } }] } } }, { replicas: 3 })),
    },
  },
  (tpl) => {
    if (tpl.isPod || (tpl.replicas ?? 1) < 2) return undefined;
    if (tpl.spec?.affinity?.podAntiAffinity || (tpl.spec?.topologySpreadConstraints ?? []).length) return undefined;
    return { message: `${tpl.replicas} replicas with no podAntiAffinity or topologySpreadConstraints`, evidence: { replicas: tpl.replicas } };
  },
);
