// From history: a relation that held in the previous snapshot is broken now although both ends
// still exist (a label edit detaches pods from their Service/PDB/NetworkPolicy), or its target
// vanished while the source still references it (a ConfigMap deleted, an HPA target renamed).
import type { Check, CheckMeta } from '../../check.js';
import type { Finding } from '../../../model/finding.js';
import { relationKey, type RelationType } from '../../../model/relation.js';
import { parseCiId } from '../../../model/ci.js';
import { finding } from '../../util/finding.js';
import { deployment, service, yamlDocs } from '../../util/examples.js';

const WATCHED: RelationType[] = ['selects', 'protects', 'scales', 'mounts', 'uses', 'routes-to'];

export const examplePrevious = yamlDocs(deployment('api'), service('api', { app: 'api' }));

const meta: CheckMeta = {
  id: 'change-detaches-relation',
  title: 'A change broke a relation that existed before',
  category: 'relations',
  severity: 'critical',
  aliases: [],
  needs: ['history'],
  docs: {
    why: 'Most outages after a deploy are a relation silently cut by an edit: a label rename detaches pods from their Service (no endpoints) or PDB; a renamed ConfigMap leaves pods referencing the old name. Comparing with the previous snapshot names the change.',
    fix: 'Restore the relation: revert the label/name change, or update the other side (selector, reference) in the same change.',
  },
  examples: {
    // Against `examplePrevious`: the Deployment's labels changed from app=api to app=api-v2.
    fail: yamlDocs(deployment('api', {}, { labels: { app: 'api-v2' } }), service('api', { app: 'api' })),
    pass: yamlDocs(deployment('api'), service('api', { app: 'api' })),
  },
};

export const check: Check = {
  meta,
  run(ctx) {
    const prev = ctx.previous;
    if (!prev) return [];
    const out: Finding[] = [];
    const now = new Set(ctx.inv.relations.filter((r) => !r.dangling).map(relationKey));
    for (const r of prev.relations) {
      if (r.dangling || !WATCHED.includes(r.type) || now.has(relationKey(r))) continue;
      const from = ctx.inv.get(r.from);
      if (!from) continue; // the source itself went away: not a detachment
      const to = ctx.inv.get(r.to);
      const toP = parseCiId(r.to);
      const what = `${from.ci.kind} ${from.ci.name} → ${toP?.kind} ${toP?.name} (${r.type})`;
      if (to) {
        const prevFrom = prev.get(r.from);
        const prevTo = prev.get(r.to);
        const labelsChanged = JSON.stringify(prevTo?.ci.labels) !== JSON.stringify(to.ci.labels) || prev.podTemplates.some((t) => t.owner.ci.id === r.to && JSON.stringify(t.labels) !== JSON.stringify(ctx.inv.podTemplates.find((n) => n.owner.ci.id === r.to && n.path === t.path)?.labels));
        const changed = [prevFrom?.ci.hash !== from.ci.hash ? from.ci.kind + ' ' + from.ci.name : '', labelsChanged || prevTo?.ci.hash !== to.ci.hash ? to.ci.kind + ' ' + to.ci.name : ''].filter(Boolean);
        out.push(finding(meta, from, {
          message: `${what} held in the previous snapshot and is broken now; changed: ${changed.join(' and ') || 'unknown'}`,
          evidence: { relation: r.type, from: r.from, to: r.to, before: r.evidence ?? {}, changed },
          also: [to],
          fix: `Revert the change to ${changed.join(' / ') || 'the objects'} or update the ${r.type === 'selects' || r.type === 'protects' ? 'selector' : 'reference'} to match.`,
        }));
      } else if (ctx.inv.relations.some((n) => n.from === r.from && n.to === r.to && n.dangling)) {
        out.push(finding(meta, from, {
          message: `${what}: ${toP?.kind} ${toP?.name} was removed or renamed but is still referenced`,
          evidence: { relation: r.type, from: r.from, to: r.to, before: r.evidence ?? {} },
          also: [r.to],
          fix: `Restore ${toP?.kind} ${toP?.name} or update the reference in ${from.ci.kind} ${from.ci.name}.`,
        }));
      }
    }
    return out;
  },
};
