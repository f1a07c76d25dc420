// Label selector semantics (Kubernetes' own) and an index that answers "which pods does this
// selector match" without scanning every pod: posting lists by `key=value`.
import type { LabelSelector } from './inventory.js';

export function isLabelSelector(s: unknown): s is LabelSelector {
  return !!s && typeof s === 'object' && ('matchLabels' in s || 'matchExpressions' in s);
}

/** Normalises a Service-style map selector or a LabelSelector. */
export function toSelector(s: LabelSelector | Record<string, string> | undefined | null): LabelSelector | undefined {
  if (!s || typeof s !== 'object') return undefined;
  if (isLabelSelector(s)) return s;
  return { matchLabels: s as Record<string, string> };
}

export function isEmptySelector(s: LabelSelector | undefined): boolean {
  return !s || (Object.keys(s.matchLabels ?? {}).length === 0 && (s.matchExpressions ?? []).length === 0);
}

export function matches(sel: LabelSelector, labels: Record<string, string>): boolean {
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) if (labels[k] !== String(v)) return false;
  for (const e of sel.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(labels, e.key);
    const vals = (e.values ?? []).map(String);
    switch (e.operator) {
      case 'In': if (!has || !vals.includes(labels[e.key])) return false; break;
      case 'NotIn': if (has && vals.includes(labels[e.key])) return false; break;
      case 'Exists': if (!has) return false; break;
      case 'DoesNotExist': if (has) return false; break;
      default: return false; // unknown operator matches nothing, as the API server would reject it
    }
  }
  return true;
}

export class LabelIndex<T extends { labels: Record<string, string> }> {
  private byNs = new Map<string, { all: T[]; postings: Map<string, T[]> }>();

  add(namespace: string, item: T): void {
    let ns = this.byNs.get(namespace);
    if (!ns) this.byNs.set(namespace, (ns = { all: [], postings: new Map() }));
    ns.all.push(item);
    for (const [k, v] of Object.entries(item.labels)) {
      const key = k + '=' + v;
      const list = ns.postings.get(key);
      if (list) list.push(item);
      else ns.postings.set(key, [item]);
    }
  }

  /** Empty selector matches everything in the namespace (PDB/NetworkPolicy semantics). */
  select(namespace: string, sel: LabelSelector | undefined): T[] {
    const ns = this.byNs.get(namespace);
    if (!ns) return [];
    if (isEmptySelector(sel)) return ns.all;
    let candidates: T[] | undefined;
    for (const [k, v] of Object.entries(sel!.matchLabels ?? {})) {
      const list = ns.postings.get(k + '=' + v) ?? [];
      if (!candidates || list.length < candidates.length) candidates = list;
      if (list.length === 0) return [];
    }
    // Only `In` with a single value can use a posting list too; other expressions filter.
    if (!candidates) {
      for (const e of sel!.matchExpressions ?? []) {
        if (e.operator === 'In' && e.values) {
          const union = e.values.flatMap((v) => ns.postings.get(e.key + '=' + v) ?? []);
          if (!candidates || union.length < candidates.length) candidates = union;
        }
      }
    }
    return (candidates ?? ns.all).filter((t) => matches(sel!, t.labels));
  }

  namespaces(): string[] {
    return [...this.byNs.keys()];
  }
}
