// Label selector matching, as the API server does it.
import type { LabelSelector } from '../../cmdb/inventory.js';

export function selectorMatches(sel: LabelSelector | Record<string, string> | undefined | null, labels: Record<string, string> | undefined): boolean {
  if (!sel) return false;
  const l = labels ?? {};
  const isStructured = 'matchLabels' in sel || 'matchExpressions' in sel;
  const ml = (isStructured ? (sel as LabelSelector).matchLabels : (sel as Record<string, string>)) ?? {};
  for (const [k, v] of Object.entries(ml)) if (l[k] !== String(v)) return false;
  if (isStructured) {
    for (const e of (sel as LabelSelector).matchExpressions ?? []) {
      const has = Object.prototype.hasOwnProperty.call(l, e.key);
      const vals = (e.values ?? []).map(String);
      switch (e.operator) {
        case 'In': if (!has || !vals.includes(l[e.key])) return false; break;
        case 'NotIn': if (has && vals.includes(l[e.key])) return false; break;
        case 'Exists': if (!has) return false; break;
        case 'DoesNotExist': if (has) return false; break;
        default: return false;
      }
    }
  }
  return true;
}

/** An empty selector (`{}`) selects everything in a NetworkPolicy/PDB; a missing one selects nothing. */
export function isEmptySelector(sel: LabelSelector | undefined | null): boolean {
  return !!sel && Object.keys(sel.matchLabels ?? {}).length === 0 && (sel.matchExpressions ?? []).length === 0;
}

export function selectorText(sel: LabelSelector | Record<string, string> | undefined | null): string {
  if (!sel) return '<none>';
  const isStructured = 'matchLabels' in sel || 'matchExpressions' in sel;
  const ml = (isStructured ? (sel as LabelSelector).matchLabels : (sel as Record<string, string>)) ?? {};
  const parts = Object.entries(ml).map(([k, v]) => `${k}=${v}`);
  if (isStructured) for (const e of (sel as LabelSelector).matchExpressions ?? []) parts.push(`${e.key} ${e.operator}${e.values ? ` (${e.values.join(',')})` : ''}`);
  return parts.join(',') || '<all>';
}
