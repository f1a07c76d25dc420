// pod-multiple-pdbs: Pods covered by more than one PDB.
import type { CheckMeta } from '../../check.js';
import { perTemplate } from '../../util/make.js';
import { deployment, yamlDocs } from '../../util/examples.js';
import { pdbsSelecting } from '../../util/refs.js';
import { pdb } from './policy-examples.js';

export const check = perTemplate({
  id: 'pod-multiple-pdbs', title: 'Pods covered by more than one PDB', category: 'workload', severity: 'warning', aliases: ['popeye:209'], needs: [],
  docs: { why: 'The eviction API refuses to evict a pod matched by several PodDisruptionBudgets (500: "This pod has more than one PodDisruptionBudget"): drains hang.', fix: 'Make the PDB selectors disjoint so each pod has exactly one.' },
  examples: { fail: yamlDocs(deployment('web', {}, { replicas: 3 }), pdb({ maxUnavailable: 1 }), pdb({ maxUnavailable: 1 }, 'web-2')), pass: yamlDocs(deployment('web', {}, { replicas: 3 }), pdb({ maxUnavailable: 1 })) },
} satisfies CheckMeta, (tpl, ctx) => {
  const p = pdbsSelecting(ctx.inv, tpl);
  return p.length > 1 ? { message: `pods are selected by ${p.length} PDBs: ${p.map((x) => x.ci.name).join(', ')}`, evidence: { pdbs: p.map((x) => x.ci.name) }, also: p } : undefined;
});
