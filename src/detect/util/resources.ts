// Effective container resources as the API server would admit them: explicit values, then
// LimitRange defaults (users: "LimitRange defaults make requests-missing moot", polaris#163), then
// request := limit when only the limit is set.
import type { Inventory } from '../../cmdb/inventory.js';
import type { Container } from './pods.js';
import { parseQuantity } from './quantity.js';

export interface Effective {
  requests: Record<string, number>;
  limits: Record<string, number>;
  /** Which values came from a LimitRange default (resource → LimitRange name). */
  defaulted: Record<string, string>;
}

/* eslint-disable @typescript-eslint/no-explicit-any */
export interface LimitRangeDefaults {
  name: string;
  default: Record<string, number>;
  defaultRequest: Record<string, number>;
  max: Record<string, number>;
  min: Record<string, number>;
}

const lrCache = new WeakMap<Inventory, Map<string, LimitRangeDefaults[]>>();

export function containerLimitRanges(inv: Inventory, ns: string): LimitRangeDefaults[] {
  let m = lrCache.get(inv);
  if (!m) {
    m = new Map();
    for (const lr of inv.byKind('LimitRange')) {
      for (const l of (lr.obj.spec?.limits ?? []) as any[]) {
        if (l?.type !== 'Container') continue;
        const q = (o: any) => Object.fromEntries(Object.entries(o ?? {}).map(([k, v]) => [k, parseQuantity(v)]).filter(([, v]) => v !== undefined)) as Record<string, number>;
        const list = m.get(lr.ci.namespace) ?? [];
        list.push({ name: lr.ci.name, default: q(l.default), defaultRequest: q(l.defaultRequest), max: q(l.max), min: q(l.min) });
        m.set(lr.ci.namespace, list);
      }
    }
    lrCache.set(inv, m);
  }
  return m.get(ns) ?? [];
}

export function effectiveResources(inv: Inventory, ns: string, c: Container): Effective {
  const out: Effective = { requests: {}, limits: {}, defaulted: {} };
  for (const [k, v] of Object.entries(c.resources?.requests ?? {})) {
    const n = parseQuantity(v);
    if (n !== undefined) out.requests[k] = n;
  }
  for (const [k, v] of Object.entries(c.resources?.limits ?? {})) {
    const n = parseQuantity(v);
    if (n !== undefined) out.limits[k] = n;
  }
  for (const lr of containerLimitRanges(inv, ns)) {
    for (const [k, v] of Object.entries(lr.default)) if (out.limits[k] === undefined) (out.limits[k] = v), (out.defaulted[`limits.${k}`] = lr.name);
    for (const [k, v] of Object.entries(lr.defaultRequest)) if (out.requests[k] === undefined && c.resources?.limits?.[k] === undefined) (out.requests[k] = v), (out.defaulted[`requests.${k}`] = lr.name);
  }
  for (const [k, v] of Object.entries(out.limits)) if (out.requests[k] === undefined) out.requests[k] = v;
  return out;
}
