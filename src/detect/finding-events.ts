// Findings become events, so a finding that appears (or persists across scans) is part of the
// same timeline as config changes and anomalies.
import { createHash } from 'node:crypto';
import type { HcEvent } from '../model/event.js';
import type { Finding } from '../model/finding.js';

/** Findings as events: one per (check, primary CI), continuing across scans through the dedup key. */
export function findingEvents(findings: Finding[], snapshot: number, time: string): HcEvent[] {
  return findings.map((f) => ({
    id: `finding-${snapshot}-${createHash('sha256').update(`${f.checkId}|${f.cis.join(',')}|${f.message}`).digest('hex').slice(0, 16)}`,
    type: 'finding' as const,
    time,
    ci: f.cis[0],
    severity: f.severity,
    title: `${f.checkId}: ${f.message}`,
    dedupKey: `finding:${f.checkId}:${f.cis[0] ?? ''}`,
    data: { checkId: f.checkId, aliases: f.aliases, cis: f.cis, evidence: f.evidence, fix: f.fix, snapshot },
  }));
}
