// pdb-selects-no-pods: PodDisruptionBudget selects no pods.
import type { Check } from '../../check.js';
import type { Finding } from '../../../model/finding.js';
import { finding } from '../../util/finding.js';
import { deployment, yamlDocs } from '../../util/examples.js';
import { selectorText } from '../../util/labels.js';
import { namespacesWithPods } from '../../util/refs.js';
import { pdb } from './pdb-examples.js';

export const check: Check = {
  meta: {
    id: 'pdb-selects-no-pods', title: 'PodDisruptionBudget selects no pods', category: 'relations', severity: 'warning',
    aliases: ['popeye:900', 'k8sgpt:PodDisruptionBudget'], needs: ['kind:Pod'],
    docs: { why: 'A PDB that matches nothing protects nothing: the workload it was meant for can be fully evicted during drains.', fix: 'Make the PDB selector match the workload\'s pod labels.' },
    examples: { fail: yamlDocs(deployment('web', {}, { replicas: 3 }), pdb({ maxUnavailable: 1 }, 'webapp')), pass: yamlDocs(deployment('web', {}, { replicas: 3 }), pdb({ maxUnavailable: 1 })) },
  },
  run(ctx) {
    const out: Finding[] = [];
    const withPods = namespacesWithPods(ctx.inv);
    for (const p of ctx.inv.byKind('PodDisruptionBudget')) {
      if (!withPods.has(p.ci.namespace)) {
        ctx.note?.(`incomplete input: namespace ${p.ci.namespace} has PodDisruptionBudgets but no workloads in the input`);
        continue;
      }
      if (ctx.inv.selectPods(p.ci.namespace, p.obj.spec?.selector).length) continue;
      out.push(finding(this.meta, p, { message: `PDB ${p.ci.name} selector ${selectorText(p.obj.spec?.selector)} matches no pod in ${p.ci.namespace}`, evidence: { selector: p.obj.spec?.selector ?? null } }));
    }
    return out;
  },
};
