// Orphans: the check factory behind configmap-unused, secret-unused and pvc-unused. Users' complaint
// about "unused" detectors is missed reference paths (valueFrom, projected volumes, imagePullSecrets —
// popeye#161, #365, #32), so besides the CMDB's declared relations we accept any object in the
// namespace that names it (ServiceAccount imagePullSecrets, Ingress TLS, custom resources, annotations).
import type { Check, CheckMeta } from '../../check.js';
import type { Inventory, InventoryItem } from '../../../cmdb/inventory.js';
import type { Finding } from '../../../model/finding.js';
import { finding } from '../../util/finding.js';
import { namespacesWithPods } from '../../util/refs.js';

/** Control-plane namespaces: their ConfigMaps/Secrets are read by components we do not model. */
const SYSTEM_NS = new Set(['kube-system', 'kube-public', 'kube-node-lease']);

const NOT_CONSUMERS = new Set(['ConfigMap', 'Secret', 'Event', 'Endpoints', 'EndpointSlice']);

/** Every string value in non-pod objects, per namespace (one pass, cached). */
const mentionCache = new WeakMap<Inventory, Map<string, Set<string>>>();

function mentions(inv: Inventory): Map<string, Set<string>> {
  let m = mentionCache.get(inv);
  if (m) return m;
  m = new Map();
  const walk = (v: unknown, set: Set<string>, depth: number) => {
    if (depth > 12 || v === null || v === undefined) return;
    if (typeof v === 'string') {
      if (v.length < 254) set.add(v);
      return;
    }
    if (Array.isArray(v)) for (const x of v) walk(x, set, depth + 1);
    else if (typeof v === 'object') for (const x of Object.values(v)) walk(x, set, depth + 1);
  };
  for (const it of inv.items) {
    if (NOT_CONSUMERS.has(it.ci.kind) || it.obj.kind === 'Pod') continue;
    const set = m.get(it.ci.namespace) ?? new Set<string>();
    // Pod templates are covered by declared relations; the rest of the object is scanned.
    const { metadata, ...rest } = it.obj;
    walk(rest, set, 0);
    walk(metadata?.annotations, set, 0);
    m.set(it.ci.namespace, set);
  }
  mentionCache.set(inv, m);
  return m;
}

function used(inv: Inventory, item: InventoryItem): boolean {
  if (inv.relationsTo(item.ci.id).some((r) => r.type === 'mounts' || r.type === 'uses')) return true;
  return mentions(inv).get(item.ci.namespace)?.has(item.ci.name) ?? false;
}

export function unusedCheck(meta: CheckMeta, kind: string, skip: (i: InventoryItem, inv: Inventory) => boolean): Check {
  return {
    meta,
    run(ctx) {
      const out: Finding[] = [];
      const withPods = namespacesWithPods(ctx.inv);
      const incomplete = new Set<string>();
      for (const item of ctx.inv.byKind(kind)) {
        if (SYSTEM_NS.has(item.ci.namespace) || skip(item, ctx.inv) || (item.obj.metadata?.ownerReferences ?? []).length) continue;
        if (!withPods.has(item.ci.namespace)) {
          incomplete.add(item.ci.namespace);
          continue;
        }
        if (used(ctx.inv, item)) continue;
        out.push(finding(meta, item, { message: `${kind} ${item.ci.name} is not used by any pod or object in ${item.ci.namespace}`, evidence: { kind, name: item.ci.name } }));
      }
      for (const ns of incomplete) ctx.note?.(`incomplete input: namespace ${ns} has no workloads in the input; its ${kind}s were not judged`);
      return out;
    },
  };
}
