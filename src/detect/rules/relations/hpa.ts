// HorizontalPodAutoscaler relations: the target exists; resource-metric targets have requests.
import type { Check } from '../../check.js';
import type { Finding } from '../../../model/finding.js';
import type { InventoryItem } from '../../../cmdb/inventory.js';
import type { Inventory } from '../../../cmdb/inventory.js';
import { ciKind } from '../../../model/kube.js';
import { finding } from '../../util/finding.js';
import { deployment, goodContainer, obj, yamlDocs } from '../../util/examples.js';
import { containers } from '../../util/pods.js';
import { effectiveResources } from '../../util/resources.js';
import { templatesByOwner } from '../../util/refs.js';

export const hpa = (target: string, metrics: unknown[] = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }], min = 2, max = 5) =>
  obj('autoscaling/v2', 'HorizontalPodAutoscaler', 'web', { spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: target }, minReplicas: min, maxReplicas: max, metrics } });

export function hpaTarget(inv: Inventory, h: InventoryItem): { kind: string; name: string; item?: InventoryItem } | undefined {
  const ref = h.obj.spec?.scaleTargetRef;
  if (!ref?.kind || !ref.name) return undefined;
  const kind = ciKind(ref.apiVersion ?? 'apps/v1', ref.kind);
  return { kind, name: ref.name, item: inv.find(kind, h.ci.namespace, ref.name) };
}

export const hpaTargetMissing: Check = {
  meta: {
    id: 'hpa-target-missing', title: 'HPA scale target does not exist', category: 'relations', severity: 'critical',
    aliases: ['kube-score:horizontalpodautoscaler-has-target', 'popeye:600', 'kube-linter:dangling-horizontalpodautoscaler'], needs: [],
    docs: { why: 'An HPA whose scaleTargetRef names nothing scales nothing: the workload you think is autoscaled is not (often a rename).', fix: 'Fix scaleTargetRef (apiVersion, kind, name) to the workload, or delete the HPA.' },
    examples: { fail: yamlDocs(deployment('web'), hpa('website')), pass: yamlDocs(deployment('web'), hpa('web')) },
  },
  run(ctx) {
    const out: Finding[] = [];
    const unseen = new Set<string>();
    for (const h of ctx.inv.byKind('HorizontalPodAutoscaler')) {
      const t = hpaTarget(ctx.inv, h);
      if (!t || t.item) continue;
      if (!ctx.inv.coverage.kinds.has(t.kind) || ctx.inv.coverage.denied.has(t.kind)) {
        unseen.add(t.kind);
        continue;
      }
      out.push(finding(this.meta, h, { message: `HPA ${h.ci.name} targets ${t.kind} ${t.name}, which does not exist in ${h.ci.namespace}`, evidence: { scaleTargetRef: h.obj.spec?.scaleTargetRef } }));
    }
    for (const k of unseen) ctx.note?.(`incomplete input: HPAs target ${k}, but no ${k} is in the input`);
    return out;
  },
};

export const hpaTargetWithoutRequests: Check = {
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
