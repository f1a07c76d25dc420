// The JSON report of `hypercas scan`: a documented, versioned schema (schemaVersion "1").
// Additive changes keep the version; removing or renaming a field bumps it.
//
// {
//   schemaVersion: "1",
//   tool: { name: "hypercas", version },
//   generatedAt: RFC 3339,
//   cluster, live: boolean,               // live = collected from an API server, else from files
//   summary: { critical, warning, info, suppressed,
//              checks: { ran, skipped, error },
//              namespaces: [{ namespace, score, critical, warning, info }] },   // score: 100 − 10·critical − 2·warning per (check, object), ≥ 0
//   outcomes: [{ id, title, category, severity, aliases?, status: "ran"|"skipped"|"error",
//                findings: number, reason? (skipped), error? (error), notes?: string[], suppressed?: number }],
//   findings: [{ checkId, aliases?, severity, title, message, cis: [ciId…], evidence, fix, patch?,
//                location?: { file, line } }],             // ciId = cluster/kind/namespace/name ("_" = cluster-scoped)
//   suppressed: [{ checkId, ci, by }],                      // exempted findings, and why
//   problems: [{ file, line?, message }]                    // input/rule/config problems (the scan went on)
// }
import type { ScanResult } from '../detect/engine.js';
import type { Finding } from '../model/finding.js';

export interface InputProblem {
  file: string;
  line?: number;
  message: string;
}

export interface ScanReportMeta {
  version: string;
  generatedAt?: string;
  problems?: InputProblem[];
}

export interface ScanReportV1 {
  schemaVersion: '1';
  tool: { name: 'hypercas'; version: string };
  generatedAt: string;
  cluster: string;
  live: boolean;
  summary: ScanResult['summary'];
  outcomes: Array<{ id: string; title: string; category: string; severity: string; aliases?: string[]; status: string; findings: number; reason?: string; error?: string; notes?: string[]; suppressed?: number }>;
  findings: Finding[];
  suppressed: Array<{ checkId: string; ci: string; by: string }>;
  problems: InputProblem[];
}

export function toScanReport(r: ScanResult, meta: ScanReportMeta): ScanReportV1 {
  return {
    schemaVersion: '1',
    tool: { name: 'hypercas', version: meta.version },
    generatedAt: meta.generatedAt ?? new Date().toISOString(),
    cluster: r.cluster,
    live: r.live,
    summary: r.summary,
    outcomes: r.outcomes.map((o) => ({
      id: o.id, title: o.title, category: o.category, severity: o.severity, ...(o.aliases ? { aliases: o.aliases } : {}), status: o.status,
      findings: o.status === 'ran' ? o.findings.length : 0,
      ...(o.status === 'skipped' ? { reason: o.reason } : {}), ...(o.status === 'error' ? { error: o.error } : {}),
      ...(o.status === 'ran' && o.notes ? { notes: o.notes } : {}), ...(o.suppressed ? { suppressed: o.suppressed } : {}),
    })),
    findings: sortFindings(r.findings),
    suppressed: r.suppressed.map((s) => ({ checkId: s.finding.checkId, ci: s.finding.cis[0], by: s.by })),
    problems: meta.problems ?? [],
  };
}

const RANK = { critical: 0, warning: 1, info: 2 } as const;

export function sortFindings(fs: Finding[]): Finding[] {
  return [...fs].sort((a, b) => RANK[a.severity] - RANK[b.severity] || a.checkId.localeCompare(b.checkId) || (a.cis[0] ?? '').localeCompare(b.cis[0] ?? ''));
}

export function renderFindingsJson(r: ScanResult, meta: ScanReportMeta): string {
  return JSON.stringify(toScanReport(r, meta), null, 2) + '\n';
}
