// Cross-object lookups the checks share, computed once per inventory.
import type { Inventory, InventoryItem, PodTemplateRef } from '../../cmdb/inventory.js';
import { selectorMatches } from './labels.js';

function memo<T>(fn: (inv: Inventory) => T): (inv: Inventory) => T {
  const c = new WeakMap<Inventory, T>();
  return (inv) => {
    let v = c.get(inv);
    if (v === undefined) c.set(inv, (v = fn(inv)));
    return v;
  };
}

function groupByNs(items: InventoryItem[]): Map<string, InventoryItem[]> {
  const m = new Map<string, InventoryItem[]>();
  for (const i of items) {
    const l = m.get(i.ci.namespace) ?? [];
    l.push(i);
    m.set(i.ci.namespace, l);
  }
  return m;
}

export const servicesByNs = memo((inv) => groupByNs(inv.byKind('Service')));
export const pdbsByNs = memo((inv) => groupByNs(inv.byKind('PodDisruptionBudget')));
export const netpolsByNs = memo((inv) => groupByNs(inv.byKind('NetworkPolicy')));

/** Services whose selector matches the template's labels (Services without selector select nothing). */
export function servicesSelecting(inv: Inventory, tpl: PodTemplateRef): InventoryItem[] {
  return (servicesByNs(inv).get(tpl.owner.ci.namespace) ?? []).filter((s) => {
    const sel = s.obj.spec?.selector as Record<string, string> | undefined;
    return sel && Object.keys(sel).length > 0 && selectorMatches(sel, tpl.labels);
  });
}

export function pdbsSelecting(inv: Inventory, tpl: PodTemplateRef): InventoryItem[] {
  return (pdbsByNs(inv).get(tpl.owner.ci.namespace) ?? []).filter((p) => selectorMatches(p.obj.spec?.selector, tpl.labels));
}

/** HPAs (any version) whose scaleTargetRef names this owner. */
export const hpaTargets = memo((inv) => {
  const m = new Map<string, InventoryItem[]>();
  for (const h of inv.byKind('HorizontalPodAutoscaler')) {
    const ref = h.obj.spec?.scaleTargetRef;
    if (!ref?.name) continue;
    const key = `${h.ci.namespace}/${ref.kind}/${ref.name}`;
    m.set(key, [...(m.get(key) ?? []), h]);
  }
  return m;
});

export function hpasFor(inv: Inventory, owner: InventoryItem): InventoryItem[] {
  return hpaTargets(inv).get(`${owner.ci.namespace}/${owner.obj.kind}/${owner.ci.name}`) ?? [];
}

/** Namespaces that have at least one pod template (so relation checks know the input covers them). */
export const namespacesWithPods = memo((inv) => new Set(inv.podTemplates.map((t) => t.owner.ci.namespace)));

/** Pod templates per owner CI id. */
export const templatesByOwner = memo((inv) => {
  const m = new Map<string, PodTemplateRef[]>();
  for (const t of inv.podTemplates) {
    const l = m.get(t.owner.ci.id);
    if (l) l.push(t);
    else m.set(t.owner.ci.id, [t]);
  }
  return m;
});

/** Objects per namespace (counts only). */
export const objectsPerNamespace = memo((inv) => {
  const m = new Map<string, number>();
  for (const i of inv.items) m.set(i.ci.namespace, (m.get(i.ci.namespace) ?? 0) + 1);
  return m;
});

/** Events per involved object (`namespace/kind/name`), in collection order. */
export const eventsByObject = memo((inv) => {
  const m = new Map<string, InventoryItem[]>();
  for (const e of inv.byKind('Event')) {
    const o = e.obj as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    const io = o.involvedObject ?? o.regarding ?? {};
    const k = `${io.namespace ?? e.ci.namespace}/${io.kind}/${io.name}`;
    const l = m.get(k);
    if (l) l.push(e);
    else m.set(k, [e]);
  }
  return m;
});
