import type { Check, CheckMeta } from '../../check.js';
import type { Finding } from '../../../model/finding.js';
import { perObject } from '../../util/make.js';
import { finding } from '../../util/finding.js';
import { deployment, obj, yamlDocs } from '../../util/examples.js';
import { hpa, hpaTarget } from '../relations/hpa.js';

export const hpaMinGtMax = perObject({
  id: 'hpa-min-greater-than-max', title: 'HPA minReplicas greater than maxReplicas', category: 'capacity', severity: 'critical', aliases: [], needs: [],
  docs: { why: 'The API server rejects an HPA with minReplicas > maxReplicas; an old object may keep the workload pinned unexpectedly.', fix: 'Set minReplicas ≤ maxReplicas.' },
  examples: { fail: yamlDocs(deployment('web'), hpa('web', undefined, 6, 3)), pass: yamlDocs(deployment('web'), hpa('web', undefined, 2, 6)) },
} satisfies CheckMeta, ['HorizontalPodAutoscaler'], (h) => {
  const min = Number(h.obj.spec?.minReplicas ?? 1);
  const max = Number(h.obj.spec?.maxReplicas);
  return min > max ? { message: `minReplicas ${min} > maxReplicas ${max}`, evidence: { minReplicas: min, maxReplicas: max } } : undefined;
});

export const hpaMinEqualsMax = perObject({
  id: 'hpa-min-equals-max', title: 'HPA minReplicas equals maxReplicas', category: 'capacity', severity: 'info', aliases: ['polaris:hpaMaxAvailability'], needs: [],
  docs: { why: 'An HPA with min == max never scales; it only hides a fixed replica count.', fix: 'Raise maxReplicas or drop the HPA and set replicas.' },
  examples: { fail: yamlDocs(deployment('web'), hpa('web', undefined, 3, 3)), pass: yamlDocs(deployment('web'), hpa('web', undefined, 2, 6)) },
} satisfies CheckMeta, ['HorizontalPodAutoscaler'], (h) => (h.obj.spec?.minReplicas !== undefined && Number(h.obj.spec.minReplicas) === Number(h.obj.spec?.maxReplicas) ? { message: `minReplicas = maxReplicas = ${h.obj.spec.maxReplicas}`, evidence: { minReplicas: h.obj.spec.minReplicas, maxReplicas: h.obj.spec.maxReplicas } } : undefined));

const VPA = 'VerticalPodAutoscaler.autoscaling.k8s.io';
const vpa = (mode: string) => obj('autoscaling.k8s.io/v1', 'VerticalPodAutoscaler', 'web', { spec: { targetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, updatePolicy: { updateMode: mode } } });

export const hpaVpaConflict: Check = {
  meta: {
    id: 'hpa-vpa-conflict', title: 'HPA and VPA act on the same resource', category: 'capacity', severity: 'warning', aliases: [], needs: [],
    docs: { why: 'When an HPA scales on CPU/memory utilization and a VPA (not in Off mode) changes the same pods\' CPU/memory requests, each undoes the other: utilization moves with the request, replicas flap.', fix: 'Let the HPA scale on custom/external metrics, or set the VPA to `updateMode: Off` (recommendations only) or exclude that resource via resourcePolicy.' },
    examples: { fail: yamlDocs(deployment('web'), hpa('web'), vpa('Auto')), pass: yamlDocs(deployment('web'), hpa('web'), vpa('Off')) },
  },
  run(ctx) {
    const out: Finding[] = [];
    const vpas = ctx.inv.byKind(VPA).filter((v) => (v.obj.spec?.updatePolicy?.updateMode ?? 'Auto') !== 'Off');
    for (const h of ctx.inv.byKind('HorizontalPodAutoscaler')) {
      const t = hpaTarget(ctx.inv, h);
      if (!t) continue;
      const res = new Set<string>(((h.obj.spec?.metrics ?? []) as Array<Record<string, any>>).filter((m) => m?.type === 'Resource').map((m) => m.resource?.name)); // eslint-disable-line @typescript-eslint/no-explicit-any
      if (h.obj.spec?.targetCPUUtilizationPercentage !== undefined) res.add('cpu');
      if (!res.size) continue;
      for (const v of vpas) {
        const r = v.obj.spec?.targetRef;
        if (v.ci.namespace !== h.ci.namespace || r?.name !== t.name || r?.kind !== h.obj.spec?.scaleTargetRef?.kind) continue;
        const controlled = new Set<string>(['cpu', 'memory']);
        for (const p of (v.obj.spec?.resourcePolicy?.containerPolicies ?? []) as Array<Record<string, any>>) if (p?.controlledResources && p.containerName === '*') { controlled.clear(); for (const x of p.controlledResources) controlled.add(x); } // eslint-disable-line @typescript-eslint/no-explicit-any
        const both = [...res].filter((x) => controlled.has(x));
        if (both.length) out.push(finding(this.meta, h, { message: `HPA ${h.ci.name} and VPA ${v.ci.name} both act on ${both.join(', ')} of ${t.kind} ${t.name}`, evidence: { resources: both, vpaMode: v.obj.spec?.updatePolicy?.updateMode ?? 'Auto' }, also: [v, t.item] }));
      }
    }
    return out;
  },
};
