import type { CiId, SourceRef } from './ci.js';

export type Severity = 'critical' | 'warning' | 'info';

export const SEVERITY_RANK: Record<Severity, number> = { critical: 3, warning: 2, info: 1 };

export interface Patch {
  /** merge: a JSON/YAML merge patch for `target`; kubectl: a command; diff: a unified diff of a config file. */
  type: 'merge' | 'json' | 'kubectl' | 'diff';
  target?: CiId;
  content: string;
}

export interface Finding {
  checkId: string;
  /** Other ids this check is known by (reference rule ids such as `K8S-SELECTOR`). */
  aliases?: string[];
  severity: Severity;
  title: string;
  message: string;
  /** The CIs involved; the first is the primary one. */
  cis: CiId[];
  /** The exact fields and values that show the problem. */
  evidence: Record<string, unknown>;
  fix: string;
  patch?: Patch;
  location?: SourceRef;
}
