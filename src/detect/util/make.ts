// Check factories for the common shapes: one finding per container / per pod template / per object.
import type { Inventory, InventoryItem, PodTemplateRef } from '../../cmdb/inventory.js';
import type { Finding } from '../../model/finding.js';
import type { Check, CheckContext, CheckMeta } from '../check.js';
import { finding, type FindingInput } from './finding.js';
import { containerPath, containers, specTemplates, type ContainerRef } from './pods.js';

type Many<T> = T | T[] | undefined | null | false;
const arr = <T>(x: Many<T>): T[] => (x ? (Array.isArray(x) ? x : [x]) : []);

export function perContainer(meta: CheckMeta, test: (r: ContainerRef, ctx: CheckContext) => Many<FindingInput>, opts: { init?: boolean } = {}): Check {
  return {
    meta,
    run(ctx) {
      const out: Finding[] = [];
      for (const tpl of specTemplates(ctx.inv)) {
        for (const r of containers(tpl, opts)) {
          for (const f of arr(test(r, ctx))) {
            out.push(finding(meta, tpl.owner, { ...f, evidence: { container: r.c.name, path: containerPath(r), ...(f.evidence ?? {}) } }));
          }
        }
      }
      return out;
    },
  };
}

export function perTemplate(meta: CheckMeta, test: (tpl: PodTemplateRef, ctx: CheckContext) => Many<FindingInput>): Check {
  return {
    meta,
    run(ctx) {
      const out: Finding[] = [];
      for (const tpl of specTemplates(ctx.inv)) for (const f of arr(test(tpl, ctx))) out.push(finding(meta, tpl.owner, { ...f, evidence: { path: tpl.path, ...(f.evidence ?? {}) } }));
      return out;
    },
  };
}

export function perObject(meta: CheckMeta, kinds: string[], test: (item: InventoryItem, ctx: CheckContext) => Many<FindingInput>): Check {
  return {
    meta,
    run(ctx) {
      const out: Finding[] = [];
      for (const k of kinds) for (const item of ctx.inv.byKind(k)) for (const f of arr(test(item, ctx))) out.push(finding(meta, item, f));
      return out;
    },
  };
}

/** Items of the given kinds in a namespace (small helper; byKind is indexed). */
export function inNamespace(inv: Inventory, kind: string, ns: string): InventoryItem[] {
  return inv.byKind(kind).filter((i) => i.ci.namespace === ns);
}
