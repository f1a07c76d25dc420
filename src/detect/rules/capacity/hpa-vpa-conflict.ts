// hpa-vpa-conflict: HPA and VPA act on the same resource.
import type { Check } from '../../check.js';
import type { Finding } from '../../../model/finding.js';
import { finding } from '../../util/finding.js';
import { deployment, obj, yamlDocs } from '../../util/examples.js';
import { hpa, hpaTarget } from '../relations/hpa-target.js';

const VPA = 'VerticalPodAutoscaler.autoscaling.k8s.io';

const vpa = (mode: string) => obj('autoscaling.k8s.io/v1', 'VerticalPodAutoscaler', 'web', { spec: { targetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, updatePolicy: { updateMode: mode } } });

export const check: Check = {
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
