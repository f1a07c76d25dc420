// Node eligibility for a pod template: nodeSelector, required node affinity, taints/tolerations.
import type { Inventory, InventoryItem, PodTemplateRef } from '../../../cmdb/inventory.js';
import { parseQuantity } from '../../util/quantity.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
const schedCache = new WeakMap<Inventory, InventoryItem[]>();
export function schedulableNodes(inv: Inventory): InventoryItem[] {
  let v = schedCache.get(inv);
  if (!v) schedCache.set(inv, (v = inv.byKind('Node').filter((n) => n.obj.spec?.unschedulable !== true)));
  return v;
}

export function allocatable(n: InventoryItem, res: string): number | undefined {
  return parseQuantity(n.obj.status?.allocatable?.[res] ?? n.obj.status?.capacity?.[res]);
}

function exprMatches(e: any, labels: Record<string, string>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, e?.key);
  const v = labels[e?.key];
  const vals = (e?.values ?? []).map(String);
  switch (e?.operator) {
    case 'In': return has && vals.includes(v);
    case 'NotIn': return !has || !vals.includes(v);
    case 'Exists': return has;
    case 'DoesNotExist': return !has;
    case 'Gt': return has && Number(v) > Number(vals[0]);
    case 'Lt': return has && Number(v) < Number(vals[0]);
    default: return false;
  }
}

export function nodeMatchesPlacement(tpl: PodTemplateRef, n: InventoryItem): boolean {
  const labels = n.ci.labels;
  for (const [k, v] of Object.entries(tpl.spec?.nodeSelector ?? {})) if (labels[k] !== String(v)) return false;
  const terms = tpl.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (Array.isArray(terms) && terms.length) {
    const ok = terms.some((t: any) => (t?.matchExpressions ?? []).every((e: any) => exprMatches(e, labels)) && (t?.matchFields ?? []).every((e: any) => e?.key !== 'metadata.name' || exprMatches(e, { 'metadata.name': n.ci.name })));
    if (!ok) return false;
  }
  return true;
}

export function untoleratedTaints(tpl: PodTemplateRef, n: InventoryItem): any[] {
  const tols = (tpl.spec?.tolerations ?? []) as any[];
  return ((n.obj.spec?.taints ?? []) as any[]).filter((t) => {
    if (t?.effect !== 'NoSchedule' && t?.effect !== 'NoExecute') return false;
    return !tols.some((tol) => {
      if (tol?.effect && tol.effect !== t.effect) return false;
      if (tol?.operator === 'Exists') return !tol.key || tol.key === t.key;
      return tol?.key === t.key && String(tol?.value ?? '') === String(t.value ?? '');
    });
  });
}

// Most templates share a placement (usually none): cache eligibility per placement signature so
// the cost is O(distinct placements × nodes), not O(templates × nodes).
const eligCache = new WeakMap<Inventory, Map<string, InventoryItem[]>>();
export function eligibleNodes(inv: Inventory, tpl: PodTemplateRef): InventoryItem[] {
  let m = eligCache.get(inv);
  if (!m) eligCache.set(inv, (m = new Map()));
  const sig = JSON.stringify([tpl.spec?.nodeSelector ?? null, tpl.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? null, tpl.spec?.tolerations ?? null]);
  let v = m.get(sig);
  if (!v) m.set(sig, (v = schedulableNodes(inv).filter((n) => nodeMatchesPlacement(tpl, n) && !untoleratedTaints(tpl, n).length)));
  return v;
}
