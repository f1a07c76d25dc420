// Structured diffs: JSON-path level changes between two configurations, and between two
// inventories (per CI, plus relations added and broken). Pure.
import type { ConfigChange, CiChange } from './store.js';
import type { Relation } from '../model/relation.js';
import { relationKey } from '../model/relation.js';
import type { CI } from '../model/ci.js';

const IDENT = /^[A-Za-z_$][\w$]*$/;

function keyPath(base: string, k: string): string {
  return IDENT.test(k) ? `${base}.${k}` : `${base}[${JSON.stringify(k)}]`;
}

/** Arrays of objects with unique `name`s (containers, env, ports, volumes) are matched by name. */
function namedElements(a: unknown[]): Map<string, unknown> | undefined {
  if (a.length === 0) return new Map();
  const m = new Map<string, unknown>();
  for (const el of a) {
    if (!el || typeof el !== 'object' || Array.isArray(el)) return undefined;
    const n = (el as Record<string, unknown>).name;
    if (typeof n !== 'string' || m.has(n)) return undefined;
    m.set(n, el);
  }
  return m;
}

export function diffValues(oldV: unknown, newV: unknown, path = '$', out: ConfigChange[] = []): ConfigChange[] {
  if (oldV === newV) return out;
  const oObj = oldV !== null && typeof oldV === 'object';
  const nObj = newV !== null && typeof newV === 'object';
  if (oObj && nObj && Array.isArray(oldV) === Array.isArray(newV)) {
    if (Array.isArray(oldV)) {
      const na = newV as unknown[];
      const om = namedElements(oldV);
      const nm = namedElements(na);
      if (om && nm && (om.size > 0 || nm.size > 0)) {
        for (const [n, v] of om) {
          const p = `${path}[?(@.name=="${n}")]`;
          if (nm.has(n)) diffValues(v, nm.get(n), p, out);
          else out.push({ path: p, op: 'remove', old: v });
        }
        for (const [n, v] of nm) if (!om.has(n)) out.push({ path: `${path}[?(@.name=="${n}")]`, op: 'add', new: v });
        return out;
      }
      const len = Math.max(oldV.length, na.length);
      for (let i = 0; i < len; i++) {
        if (i >= oldV.length) out.push({ path: `${path}[${i}]`, op: 'add', new: na[i] });
        else if (i >= na.length) out.push({ path: `${path}[${i}]`, op: 'remove', old: oldV[i] });
        else diffValues(oldV[i], na[i], `${path}[${i}]`, out);
      }
      return out;
    }
    const o = oldV as Record<string, unknown>;
    const n = newV as Record<string, unknown>;
    for (const k of Object.keys(o)) {
      if (o[k] === undefined) continue;
      if (!(k in n) || n[k] === undefined) out.push({ path: keyPath(path, k), op: 'remove', old: o[k] });
      else diffValues(o[k], n[k], keyPath(path, k), out);
    }
    for (const k of Object.keys(n)) if (n[k] !== undefined && (!(k in o) || o[k] === undefined)) out.push({ path: keyPath(path, k), op: 'add', new: n[k] });
    return out;
  }
  if (JSON.stringify(oldV) !== JSON.stringify(newV)) out.push({ path, op: 'replace', old: oldV, new: newV });
  return out;
}

export interface InventoryDiff {
  changes: CiChange[];
  relationsAdded: Relation[];
  relationsRemoved: Relation[];
}

/** What is compared: configuration, not status (status changes are not config changes). */
export function configOf(ci: CI): Record<string, unknown> {
  const { status: _s, ...rest } = ci.config;
  void _s;
  const meta = { ...(rest.metadata as Record<string, unknown> | undefined) };
  for (const k of ['resourceVersion', 'generation', 'managedFields', 'creationTimestamp', 'uid', 'selfLink']) delete meta[k];
  return { ...rest, metadata: meta };
}

export function diffCIs(oldCIs: Iterable<CI>, newCIs: Iterable<CI>): CiChange[] {
  const a = new Map<string, CI>();
  for (const c of oldCIs) a.set(c.id, c);
  const out: CiChange[] = [];
  const seen = new Set<string>();
  for (const c of newCIs) {
    seen.add(c.id);
    const prev = a.get(c.id);
    if (!prev) out.push({ ci: c.id, kind: 'added', changes: [] });
    else if (prev.hash !== c.hash) {
      const changes = diffValues(configOf(prev), configOf(c));
      if (changes.length) out.push({ ci: c.id, kind: 'modified', changes });
    }
  }
  for (const [id] of a) if (!seen.has(id)) out.push({ ci: id, kind: 'removed', changes: [] });
  return out;
}

export function diffRelations(oldRels: Relation[], newRels: Relation[]): { added: Relation[]; removed: Relation[] } {
  const ok = new Map(oldRels.map((r) => [relationKey(r) + (r.dangling ? '!' : ''), r]));
  const nk = new Map(newRels.map((r) => [relationKey(r) + (r.dangling ? '!' : ''), r]));
  return {
    added: [...nk].filter(([k]) => !ok.has(k)).map(([, r]) => r),
    removed: [...ok].filter(([k]) => !nk.has(k)).map(([, r]) => r),
  };
}
