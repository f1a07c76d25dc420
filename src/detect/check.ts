// A check = metadata + one function from the collected model to findings (ESLint-rule shape).
// Built-in checks live in detect/rules/<pack>/<check-id>.ts with <check-id>.test.ts beside them.
import type { Finding, Severity } from '../model/finding.js';
import type { Inventory } from '../cmdb/inventory.js';

export type Category = 'workload' | 'security' | 'relations' | 'capacity' | 'runtime' | 'waste' | 'linkage' | 'config-space';

/**
 * What a check needs from collection. `live`: status/events from an API server; `kind:X`: objects of
 * CI kind X must have been collected (listed without RBAC denial) for "absent" to mean absent;
 * `apps`: middleware application CIs; `history`: a previous snapshot.
 */
export type Need = 'live' | 'history' | 'apps' | `kind:${string}`;

export interface CheckMeta {
  /** kebab-case, from the checks catalogue where it has a row. */
  id: string;
  title: string;
  category: Category;
  severity: Severity;
  /** Reference rule ids (`K8S-SELECTOR`, `WJ-PORT`) and other tools' names for the same check. */
  aliases?: string[];
  needs: Need[];
  docs: { why: string; fix: string };
  /** Manifests (YAML) that must fail and must pass; tests run both. */
  examples: { fail: string; pass: string };
}

export interface CheckContext {
  inv: Inventory;
  /** Per-check options from the config file (thresholds, allowed registries...). */
  options: Record<string, unknown>;
  /** The previous snapshot's inventory, when the check needs `history` and one exists. */
  previous?: Inventory;
  /**
   * Optional: tell the user something about this run that is not a finding, e.g. "incomplete input:
   * namespace x has no workloads in the input, its Services were not checked". Shown with the outcome.
   */
  note?: (message: string) => void;
}

export interface Check {
  meta: CheckMeta;
  run(ctx: CheckContext): Finding[];
}

export type CheckOutcome =
  | { id: string; status: 'ran'; findings: Finding[]; notes?: string[] }
  | { id: string; status: 'skipped'; reason: string }
  | { id: string; status: 'error'; error: string };
