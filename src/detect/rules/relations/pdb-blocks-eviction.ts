// pdb-blocks-eviction: PodDisruptionBudget allows no voluntary eviction.
import type { Check } from '../../check.js';
import type { Finding } from '../../../model/finding.js';
import { finding } from '../../util/finding.js';
import { deployment, yamlDocs } from '../../util/examples.js';
import { pdb } from './pdb-examples.js';

function pct(v: unknown, total: number, roundUp: boolean): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^\d+%$/.test(v)) {
    const x = (parseInt(v, 10) / 100) * total;
    return roundUp ? Math.ceil(x) : Math.floor(x);
  }
  if (typeof v === 'string' && /^\d+$/.test(v)) return Number(v);
  return undefined;
}

export const check: Check = {
  meta: {
    id: 'pdb-blocks-eviction', title: 'PodDisruptionBudget allows no voluntary eviction', category: 'relations', severity: 'warning',
    aliases: ['polaris:pdbDisruptionsIsZero', 'popeye:901', 'kube-linter:pdb-max-unavailable', 'kube-linter:pdb-min-available'], needs: [],
    docs: { why: 'With maxUnavailable 0, or minAvailable ≥ the replicas it selects, no pod may ever be evicted: node drains and cluster upgrades hang.', fix: 'Use `maxUnavailable: 1`, or a minAvailable strictly below the replica count.' },
    examples: { fail: yamlDocs(deployment('web', {}, { replicas: 2 }), pdb({ minAvailable: 2 })), pass: yamlDocs(deployment('web', {}, { replicas: 3 }), pdb({ minAvailable: 2 })) },
  },
  run(ctx) {
    const out: Finding[] = [];
    for (const p of ctx.inv.byKind('PodDisruptionBudget')) {
      const spec = p.obj.spec ?? {};
      const tpls = ctx.inv.selectPods(p.ci.namespace, spec.selector).filter((t) => !t.isPod || ctx.inv.coverage.live);
      const owners = [...new Set(tpls.map((t) => t.owner))];
      const replicas = ctx.inv.coverage.live ? tpls.filter((t) => t.isPod).length || owners.reduce((s, o) => s + (o.obj.spec?.replicas ?? 1), 0) : owners.reduce((s, o) => s + (typeof o.obj.spec?.replicas === 'number' ? o.obj.spec.replicas : 1), 0);
      const maxU = pct(spec.maxUnavailable, replicas, true);
      if (maxU === 0) {
        out.push(finding(this.meta, p, { message: `PDB ${p.ci.name} has maxUnavailable ${spec.maxUnavailable}: no pod can ever be evicted`, evidence: { maxUnavailable: spec.maxUnavailable }, also: owners }));
        continue;
      }
      if (!owners.length || spec.minAvailable === undefined) continue;
      const minA = pct(spec.minAvailable, replicas, true);
      if (minA !== undefined && replicas > 0 && minA >= replicas) {
        out.push(finding(this.meta, p, { message: `PDB ${p.ci.name} requires minAvailable ${spec.minAvailable} of ${replicas} replica(s): no pod can be evicted`, evidence: { minAvailable: spec.minAvailable, replicas, workloads: owners.map((o) => o.ci.id) }, also: owners, fix: replicas > 1 ? `Set minAvailable to ${replicas - 1} or use maxUnavailable: 1.` : 'A single replica cannot have a PDB that protects it without blocking drains: run 2+ replicas or remove the PDB.' }));
      }
    }
    return out;
  },
};
