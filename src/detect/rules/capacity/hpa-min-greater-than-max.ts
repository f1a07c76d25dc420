// hpa-min-greater-than-max: HPA minReplicas greater than maxReplicas.
import type { CheckMeta } from '../../check.js';
import { perObject } from '../../util/make.js';
import { deployment, yamlDocs } from '../../util/examples.js';
import { hpa } from '../relations/hpa-target.js';

export const check = perObject({
  id: 'hpa-min-greater-than-max', title: 'HPA minReplicas greater than maxReplicas', category: 'capacity', severity: 'critical', aliases: [], needs: [],
  docs: { why: 'The API server rejects an HPA with minReplicas > maxReplicas; an old object may keep the workload pinned unexpectedly.', fix: 'Set minReplicas ≤ maxReplicas.' },
  examples: { fail: yamlDocs(deployment('web'), hpa('web', undefined, 6, 3)), pass: yamlDocs(deployment('web'), hpa('web', undefined, 2, 6)) },
} satisfies CheckMeta, ['HorizontalPodAutoscaler'], (h) => {
  const min = Number(h.obj.spec?.minReplicas ?? 1);
  const max = Number(h.obj.spec?.maxReplicas);
  return min > max ? { message: `minReplicas ${min} > maxReplicas ${max}`, evidence: { minReplicas: min, maxReplicas: max } } : undefined;
});
