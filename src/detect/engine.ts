// Runs checks over an Inventory: needs → skipped with a reason, exemptions, severity overrides,
// one outcome per check (a throwing check becomes an 'error' outcome; the others still run), and a
// score per namespace.
import type { Inventory, InventoryItem } from '../cmdb/inventory.js';
import type { Finding, Severity } from '../model/finding.js';
import { parseCiId } from '../model/ci.js';
import type { Check, CheckMeta, CheckOutcome, Need } from './check.js';

export const IGNORE_ANNOTATION = 'hypercas.io/ignore';

/** Config-file exemption: every given field must match (globs `*`/`?` in namespaces and names). */
export interface Exemption {
  /** Check ids or aliases; `*` or absent = every check. */
  checks?: string[];
  namespaces?: string[];
  names?: string[];
  kinds?: string[];
  reason?: string;
}

export interface EngineConfig {
  /** Severity per check id or alias. */
  severity?: Record<string, Severity>;
  exemptions?: Exemption[];
  /** false forbids suppression by the `hypercas.io/ignore` annotation (central governance). Default true. */
  annotationExemptions?: boolean;
  /** Check ids/aliases not to run. */
  disabled?: string[];
  /** When set, run only these check ids/aliases. */
  only?: string[];
  /** Options per check id. */
  options?: Record<string, Record<string, unknown>>;
}

export type ScanOutcome = CheckOutcome & {
  title: string;
  category: string;
  severity: Severity;
  aliases?: string[];
  /** Findings of this check removed by an exemption. */
  suppressed?: number;
  ms?: number;
};

export interface SuppressedFinding {
  finding: Finding;
  by: string;
}

export interface NamespaceScore {
  namespace: string;
  score: number;
  critical: number;
  warning: number;
  info: number;
}

export interface ScanSummary {
  critical: number;
  warning: number;
  info: number;
  suppressed: number;
  checks: { ran: number; skipped: number; error: number };
  namespaces: NamespaceScore[];
}

export interface ScanResult {
  cluster: string;
  live: boolean;
  outcomes: ScanOutcome[];
  findings: Finding[];
  suppressed: SuppressedFinding[];
  summary: ScanSummary;
}

/** Score weights: documented in `rules explain` and the JSON schema doc. */
export const SCORE_WEIGHTS: Record<Severity, number> = { critical: 10, warning: 2, info: 0 };

/** Why a need is not met, or undefined when it is. */
export function unmetNeed(need: Need, inv: Inventory, previous?: Inventory): string | undefined {
  if (need === 'live') return inv.coverage.live ? undefined : 'needs live cluster status (input is manifest files)';
  if (need === 'history') return previous ? undefined : 'needs a previous snapshot (history)';
  if (need === 'apps') return inv.items.some((i) => i.ci.type === 'application') ? undefined : 'needs application CIs (middleware collection)';
  const kind = need.slice('kind:'.length);
  const denied = inv.coverage.denied.get(kind);
  if (denied !== undefined) return `cannot list ${kind}: ${denied}`;
  if (kind === 'Pod' && !inv.coverage.live) return inv.podTemplates.length ? undefined : 'incomplete input: no workloads or pods in the input';
  if (!inv.coverage.kinds.has(kind)) return inv.coverage.live ? `${kind} was not collected` : `incomplete input: no ${kind} in the input`;
  return undefined;
}

function globRe(g: string): RegExp {
  return new RegExp('^' + g.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.') + '$');
}

function idsOf(meta: CheckMeta): string[] {
  return [meta.id, ...(meta.aliases ?? [])];
}

function listed(list: string[] | undefined, meta: CheckMeta): boolean {
  if (!list) return false;
  return list.includes('*') || idsOf(meta).some((id) => list.includes(id));
}

function annotationIgnores(item: InventoryItem | undefined, meta: CheckMeta): boolean {
  const v = item?.obj.metadata?.annotations?.[IGNORE_ANNOTATION];
  if (typeof v !== 'string') return false;
  const ids = v.split(',').map((s) => s.trim()).filter(Boolean);
  return ids.includes('*') || ids.includes('all') || idsOf(meta).some((id) => ids.includes(id));
}

/** Why a finding is exempt, or undefined. */
function exemptBy(f: Finding, meta: CheckMeta, inv: Inventory, cfg: EngineConfig, compiled: Array<{ ex: Exemption; ns?: RegExp[]; names?: RegExp[] }>): string | undefined {
  const p = parseCiId(f.cis[0] ?? '');
  if (!p) return undefined;
  if (cfg.annotationExemptions !== false) {
    const item = inv.get(f.cis[0]);
    if (annotationIgnores(item, meta)) return `annotation ${IGNORE_ANNOTATION} on ${p.kind} ${p.name}`;
    if (p.namespace && annotationIgnores(inv.find('Namespace', '', p.namespace), meta)) return `annotation ${IGNORE_ANNOTATION} on namespace ${p.namespace}`;
  }
  for (const c of compiled) {
    if (c.ex.checks && !listed(c.ex.checks, meta)) continue;
    if (c.ns && !c.ns.some((r) => r.test(p.namespace))) continue;
    if (c.names && !c.names.some((r) => r.test(p.name))) continue;
    if (c.ex.kinds && !c.ex.kinds.includes(p.kind)) continue;
    return `config exemption${c.ex.reason ? `: ${c.ex.reason}` : ''}`;
  }
  return undefined;
}

export interface RunOptions {
  previous?: Inventory;
}

export function runChecks(inv: Inventory, checks: Check[], cfg: EngineConfig = {}, opts: RunOptions = {}): ScanResult {
  const compiled = (cfg.exemptions ?? []).map((ex) => ({ ex, ns: ex.namespaces?.map(globRe), names: ex.names?.map(globRe) }));
  const outcomes: ScanOutcome[] = [];
  const findings: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  for (const check of checks) {
    const meta = check.meta;
    if (cfg.only && !listed(cfg.only, meta)) continue;
    if (listed(cfg.disabled, meta)) continue;
    const base = { id: meta.id, title: meta.title, category: meta.category, severity: overrideOf(cfg, meta) ?? meta.severity, ...(meta.aliases?.length ? { aliases: meta.aliases } : {}) };
    const unmet = meta.needs.map((n) => unmetNeed(n, inv, opts.previous)).filter((x): x is string => !!x);
    if (unmet.length) {
      outcomes.push({ ...base, status: 'skipped', reason: unmet.join('; ') });
      continue;
    }
    const notes: string[] = [];
    const t0 = performance.now();
    let raw: Finding[];
    try {
      raw = check.run({ inv, options: cfg.options?.[meta.id] ?? {}, previous: opts.previous, note: (m) => notes.length < 50 && notes.push(m) });
    } catch (e) {
      outcomes.push({ ...base, status: 'error', error: e instanceof Error ? e.message : String(e), ms: performance.now() - t0 });
      continue;
    }
    const kept: Finding[] = [];
    let nSup = 0;
    const sev = overrideOf(cfg, meta);
    for (const f0 of raw) {
      const f = sev ? { ...f0, severity: sev } : f0;
      const by = exemptBy(f, meta, inv, cfg, compiled);
      if (by) {
        suppressed.push({ finding: f, by });
        nSup++;
      } else kept.push(f);
    }
    findings.push(...kept);
    outcomes.push({ ...base, status: 'ran', findings: kept, ...(notes.length ? { notes } : {}), ...(nSup ? { suppressed: nSup } : {}), ms: performance.now() - t0 });
  }
  return { cluster: inv.cluster, live: inv.coverage.live, outcomes, findings, suppressed, summary: summarize(inv, outcomes, findings, suppressed.length) };
}

function overrideOf(cfg: EngineConfig, meta: CheckMeta): Severity | undefined {
  if (!cfg.severity) return undefined;
  for (const id of idsOf(meta)) if (cfg.severity[id]) return cfg.severity[id];
  return undefined;
}

export const CLUSTER_NS_LABEL = '(cluster)';

/**
 * Score per namespace: 100 − 10 × critical − 2 × warning (info costs nothing), floored at 0,
 * counting each (check, object) pair once so one broken object cannot zero a namespace by itself
 * through many containers.
 */
export function summarize(inv: Inventory, outcomes: ScanOutcome[], findings: Finding[], nSuppressed: number): ScanSummary {
  const ns = new Map<string, NamespaceScore>();
  const get = (n: string) => {
    let s = ns.get(n);
    if (!s) ns.set(n, (s = { namespace: n, score: 100, critical: 0, warning: 0, info: 0 }));
    return s;
  };
  for (const n of inv.coverage.namespaces) get(n);
  const seen = new Set<string>();
  const counts = { critical: 0, warning: 0, info: 0 };
  for (const f of findings) {
    counts[f.severity]++;
    const p = parseCiId(f.cis[0] ?? '');
    const s = get(p?.namespace || CLUSTER_NS_LABEL);
    s[f.severity]++;
    const key = `${f.checkId}|${f.cis[0]}`;
    if (seen.has(key)) continue;
    seen.add(key);
    s.score = Math.max(0, s.score - SCORE_WEIGHTS[f.severity]);
  }
  const checks = { ran: 0, skipped: 0, error: 0 };
  for (const o of outcomes) checks[o.status]++;
  return { ...counts, suppressed: nSuppressed, checks, namespaces: [...ns.values()].sort((a, b) => a.namespace.localeCompare(b.namespace)) };
}
