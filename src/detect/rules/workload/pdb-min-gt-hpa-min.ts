// pdb-min-gt-hpa-min: PDB minAvailable ≥ HPA minReplicas.
import type { CheckMeta } from '../../check.js';
import { perTemplate } from '../../util/make.js';
import { deployment, yamlDocs } from '../../util/examples.js';
import { hpasFor, pdbsSelecting } from '../../util/refs.js';
import { hpa, pdb } from './policy-examples.js';

export const check = perTemplate({
  id: 'pdb-min-gt-hpa-min', title: 'PDB minAvailable ≥ HPA minReplicas', category: 'workload', severity: 'warning', aliases: ['polaris:pdbMinAvailableGreaterThanHPAMinReplicas'], needs: [],
  docs: { why: 'When the HPA scales down to minReplicas and the PDB demands at least as many available pods, no eviction is possible: drains block.', fix: 'Keep PDB minAvailable below HPA minReplicas (or use maxUnavailable).' },
  examples: { fail: yamlDocs(deployment('web'), hpa(2), pdb({ minAvailable: 2 })), pass: yamlDocs(deployment('web'), hpa(3), pdb({ minAvailable: 2 })) },
} satisfies CheckMeta, (tpl, ctx) => {
  const hpas = hpasFor(ctx.inv, tpl.owner);
  if (!hpas.length) return undefined;
  const min = Math.min(...hpas.map((h) => Number(h.obj.spec?.minReplicas ?? 1)));
  const bad = pdbsSelecting(ctx.inv, tpl).filter((p) => typeof p.obj.spec?.minAvailable === 'number' && p.obj.spec.minAvailable >= min);
  return bad.length ? { message: `PDB ${bad[0].ci.name} minAvailable ${bad[0].obj.spec?.minAvailable} ≥ HPA minReplicas ${min}`, evidence: { minAvailable: bad[0].obj.spec?.minAvailable, hpaMinReplicas: min }, also: [...bad, ...hpas] } : undefined;
});
