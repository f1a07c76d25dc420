// hpa-target-without-requests: HPA on a resource the target does not request.
import type { Check } from '../../check.js';
import type { Finding } from '../../../model/finding.js';
import { finding } from '../../util/finding.js';
import { deployment, goodContainer, yamlDocs } from '../../util/examples.js';
import { containers } from '../../util/pods.js';
import { effectiveResources } from '../../util/resources.js';
import { templatesByOwner } from '../../util/refs.js';
import { hpa, hpaTarget } from './hpa-target.js';

export const check: Check = {
  meta: {
    id: 'hpa-target-without-requests', title: 'HPA on a resource the target does not request', category: 'relations', severity: 'critical',
    aliases: ['k8sgpt:HorizontalPodAutoscaler'], needs: [],
    docs: { why: 'Utilization is measured against requests: if a container of the target has no request for the HPA\'s resource, the HPA reports `failed to get cpu utilization: missing request` and never scales.', fix: 'Set resources.requests for that resource on every container of the target.' },
    examples: {
      fail: yamlDocs(deployment('web', {}, { containers: [goodContainer({ resources: { limits: {} } })] }), hpa('web')),
      pass: yamlDocs(deployment('web'), hpa('web'), deployment('web2', {}, { containers: [goodContainer({ resources: {} })] }), { ...hpa('web2', [{ type: 'Pods', pods: { metric: { name: 'rps' }, target: { type: 'AverageValue', averageValue: '10' } } }]), metadata: { name: 'web2', namespace: 'shop' } }),
    },
  },
  run(ctx) {
    const out: Finding[] = [];
    for (const h of ctx.inv.byKind('HorizontalPodAutoscaler')) {
      const t = hpaTarget(ctx.inv, h);
      if (!t?.item) continue;
      const resources = new Set<string>();
      for (const m of (h.obj.spec?.metrics ?? []) as Array<Record<string, any>>) { // eslint-disable-line @typescript-eslint/no-explicit-any
        const r = m?.type === 'Resource' ? m.resource : m?.type === 'ContainerResource' ? m.containerResource : undefined;
        if (r?.name && (r.target?.type ?? 'Utilization') === 'Utilization') resources.add(r.name);
      }
      if (h.obj.spec?.targetCPUUtilizationPercentage !== undefined) resources.add('cpu'); // autoscaling/v1
      if (!resources.size) continue;
      const tpls = templatesByOwner(ctx.inv).get(t.item.ci.id) ?? [];
      for (const tpl of tpls) {
        for (const { c } of containers(tpl)) {
          const eff = effectiveResources(ctx.inv, h.ci.namespace, c);
          const missing = [...resources].filter((r) => eff.requests[r] === undefined);
          if (missing.length) out.push(finding(this.meta, h, { message: `HPA ${h.ci.name} scales on ${missing.join(', ')} utilization, but container ${c.name} of ${t.kind} ${t.name} requests no ${missing.join('/')}`, evidence: { resources: missing, container: c.name }, also: [t.item], fix: `Set resources.requests.${missing[0]} on container ${c.name} of ${t.name}.` }));
        }
      }
    }
    return out;
  },
};
