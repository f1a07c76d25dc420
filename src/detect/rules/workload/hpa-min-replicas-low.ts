// hpa-min-replicas-low: HPA minReplicas below 2.
import type { CheckMeta } from '../../check.js';
import { perObject } from '../../util/make.js';
import { deployment, yamlDocs } from '../../util/examples.js';
import { hpa } from './policy-examples.js';

export const check = perObject({
  id: 'hpa-min-replicas-low', title: 'HPA minReplicas below 2', category: 'workload', severity: 'info', aliases: ['polaris:hpaMinAvailability', 'kube-score:horizontalpodautoscaler-replicas'], needs: [],
  docs: { why: 'An HPA allowed to scale to one replica makes the workload a single point of failure at quiet times.', fix: 'Set minReplicas ≥ 2.' },
  examples: { fail: yamlDocs(deployment('web'), hpa(1)), pass: yamlDocs(deployment('web'), hpa(2)) },
} satisfies CheckMeta, ['HorizontalPodAutoscaler'], (h) => (Number(h.obj.spec?.minReplicas ?? 1) < 2 ? { message: `minReplicas ${h.obj.spec?.minReplicas ?? '1 (default)'}`, evidence: { minReplicas: h.obj.spec?.minReplicas ?? null } } : undefined));
