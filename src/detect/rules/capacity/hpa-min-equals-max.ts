// hpa-min-equals-max: HPA minReplicas equals maxReplicas.
import type { CheckMeta } from '../../check.js';
import { perObject } from '../../util/make.js';
import { deployment, yamlDocs } from '../../util/examples.js';
import { hpa } from '../relations/hpa-target.js';

export const check = perObject({
  id: 'hpa-min-equals-max', title: 'HPA minReplicas equals maxReplicas', category: 'capacity', severity: 'info', aliases: ['polaris:hpaMaxAvailability'], needs: [],
  docs: { why: 'An HPA with min == max never scales; it only hides a fixed replica count.', fix: 'Raise maxReplicas or drop the HPA and set replicas.' },
  examples: { fail: yamlDocs(deployment('web'), hpa('web', undefined, 3, 3)), pass: yamlDocs(deployment('web'), hpa('web', undefined, 2, 6)) },
} satisfies CheckMeta, ['HorizontalPodAutoscaler'], (h) => (h.obj.spec?.minReplicas !== undefined && Number(h.obj.spec.minReplicas) === Number(h.obj.spec?.maxReplicas) ? { message: `minReplicas = maxReplicas = ${h.obj.spec.maxReplicas}`, evidence: { minReplicas: h.obj.spec.minReplicas, maxReplicas: h.obj.spec.maxReplicas } } : undefined));
