import type { CheckMeta } from '../../check.js';
import { perTemplate } from '../../util/make.js';
import { deployment, obj, service, yamlDocs } from '../../util/examples.js';
import { hpasFor, servicesSelecting } from '../../util/refs.js';

// Like kube-score: only workloads that serve a Service and are not scaled by an HPA.
const meta: CheckMeta = {
  id: 'deployment-single-replica',
  title: 'Service backed by a single replica',
  category: 'workload',
  severity: 'warning',
  aliases: ['polaris:deploymentMissingReplicas', 'kube-score:deployment-replicas'],
  needs: [],
  docs: {
    why: 'With one replica every rollout, node drain or crash is an outage for the Service in front of it.',
    fix: 'Run at least 2 replicas (plus a PodDisruptionBudget), or add an HPA with minReplicas ≥ 2.',
  },
  examples: {
    fail: yamlDocs(deployment('web', {}, { replicas: 1 }), service('web', { app: 'web' })),
    pass: yamlDocs(deployment('web', {}, { replicas: 2 }), service('web', { app: 'web' }), deployment('auto', {}, { replicas: 1 }), service('auto', { app: 'auto' }), obj('autoscaling/v2', 'HorizontalPodAutoscaler', 'auto', { spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'auto' }, minReplicas: 2, maxReplicas: 5 } })),
  },
};

export const check = perTemplate(meta, (tpl, ctx) => {
  if (tpl.owner.obj.kind !== 'Deployment') return undefined;
  const r = tpl.owner.obj.spec?.replicas;
  if (r === 0 || (typeof r === 'number' && r > 1)) return undefined;
  if (hpasFor(ctx.inv, tpl.owner).length) return undefined;
  const svcs = servicesSelecting(ctx.inv, tpl);
  if (!svcs.length) return undefined;
  return { message: `${r === undefined ? 'replicas unset (1)' : 'replicas: 1'} behind Service ${svcs.map((s) => s.ci.name).join(', ')}`, evidence: { replicas: r ?? null }, also: svcs };
});
