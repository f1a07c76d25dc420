// One way to build a finding, so every check names its CIs, evidence and location alike.
import type { Finding, Patch, Severity } from '../../model/finding.js';
import type { CiId } from '../../model/ci.js';
import type { InventoryItem } from '../../cmdb/inventory.js';
import type { CheckMeta } from '../check.js';

export interface FindingInput {
  message: string;
  evidence?: Record<string, unknown>;
  /** Defaults to the check's docs.fix. */
  fix?: string;
  severity?: Severity;
  /** More CIs involved, after the primary item. */
  also?: Array<InventoryItem | CiId | undefined>;
  patch?: Patch;
}

export function finding(meta: CheckMeta, item: InventoryItem, f: FindingInput): Finding {
  const cis = [item.ci.id];
  for (const a of f.also ?? []) {
    const id = typeof a === 'string' ? a : a?.ci.id;
    if (id && !cis.includes(id)) cis.push(id);
  }
  const out: Finding = {
    checkId: meta.id,
    severity: f.severity ?? meta.severity,
    title: meta.title,
    message: f.message,
    cis,
    evidence: f.evidence ?? {},
    fix: f.fix ?? meta.docs.fix,
  };
  if (meta.aliases?.length) out.aliases = meta.aliases;
  if (f.patch) out.patch = f.patch;
  if (item.source) out.location = item.source;
  return out;
}
