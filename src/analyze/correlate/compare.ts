// Puts inferred relations next to the declared ones: confirmed (a declared link, or a short declared
// path such as Ingress → Service → Deployment, joins the same two CIs), new (no config says so), and
// declared but never seen (both ends were in the telemetry, yet no relation between them showed up).
import type { CiId } from '../../model/ci.js';
import type { Relation, RelationType } from '../../model/relation.js';

export interface CompareOptions {
  /** Longest declared path that confirms an inferred pair. Default 2. */
  maxHops?: number;
  /** Declared types that can carry load (the only ones reported as "never seen"). */
  trafficTypes?: RelationType[];
  /** Types never used in a path (they join everything in a namespace or cluster). */
  ignoreTypes?: RelationType[];
}

export interface Comparison {
  confirmed: Array<{ inferred: Relation; path: Relation[] }>;
  new: Relation[];
  /** Declared traffic relations between CIs that both had usable telemetry, with no inferred relation. */
  unseen: Relation[];
}

const TRAFFIC: RelationType[] = ['routes-to', 'connects-to', 'selects', 'endpoints'];
const IGNORE: RelationType[] = ['contains', 'limits', 'binds', 'provisioned-by', 'allows'];

export function compareWithDeclared(inferred: Relation[], declared: Relation[], observed: Iterable<CiId>, opts: CompareOptions = {}): Comparison {
  const maxHops = opts.maxHops ?? 2;
  const traffic = new Set(opts.trafficTypes ?? TRAFFIC);
  const ignore = new Set(opts.ignoreTypes ?? IGNORE);
  const adj = new Map<CiId, Array<{ to: CiId; rel: Relation }>>();
  const add = (a: CiId, b: CiId, rel: Relation) => {
    let l = adj.get(a);
    if (!l) adj.set(a, (l = []));
    l.push({ to: b, rel });
  };
  for (const r of declared) {
    if (r.source !== 'declared' || ignore.has(r.type)) continue;
    add(r.from, r.to, r);
    add(r.to, r.from, r); // direction of a declaration is not the direction of load
  }
  /** Shortest declared path a … b of at most maxHops edges (BFS). */
  const path = (a: CiId, b: CiId): Relation[] | undefined => {
    const prev = new Map<CiId, { from: CiId; rel: Relation }>();
    let frontier = [a];
    const seen = new Set([a]);
    for (let h = 0; h < maxHops && frontier.length; h++) {
      const next: CiId[] = [];
      for (const u of frontier)
        for (const { to, rel } of adj.get(u) ?? []) {
          if (seen.has(to)) continue;
          seen.add(to);
          prev.set(to, { from: u, rel });
          if (to === b) {
            const out: Relation[] = [];
            for (let c = b; c !== a; c = prev.get(c)!.from) out.unshift(prev.get(c)!.rel);
            return out;
          }
          next.push(to);
        }
      frontier = next;
    }
    return undefined;
  };
  const confirmed: Comparison['confirmed'] = [];
  const fresh: Relation[] = [];
  const used = new Set<Relation>();
  for (const r of inferred) {
    const p = path(r.from, r.to);
    if (p) {
      confirmed.push({ inferred: r, path: p });
      p.forEach((x) => used.add(x));
    } else fresh.push(r);
  }
  const obs = new Set(observed);
  const unseen = declared.filter((r) => r.source === 'declared' && traffic.has(r.type) && obs.has(r.from) && obs.has(r.to) && !used.has(r));
  return { confirmed, new: fresh, unseen };
}
