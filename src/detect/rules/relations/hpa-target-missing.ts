// hpa-target-missing: HPA scale target does not exist.
import type { Check } from '../../check.js';
import type { Finding } from '../../../model/finding.js';
import { finding } from '../../util/finding.js';
import { deployment, yamlDocs } from '../../util/examples.js';
import { hpa, hpaTarget } from './hpa-target.js';

export const check: Check = {
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
