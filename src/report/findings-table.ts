// Terminal report: findings grouped by severity, each with its fix; colour only on a TTY.
import type { ScanResult } from '../detect/engine.js';
import type { Finding, Severity } from '../model/finding.js';
import { parseCiId } from '../model/ci.js';
import { sortFindings, type InputProblem } from './findings-json.js';

const C = { critical: '\x1b[31;1m', warning: '\x1b[33m', info: '\x1b[36m', dim: '\x1b[2m', bold: '\x1b[1m', reset: '\x1b[0m' };

export function ciLabel(id: string): string {
  const p = parseCiId(id);
  if (!p) return id;
  return p.namespace ? `${p.namespace}/${p.kind}/${p.name}` : `${p.kind}/${p.name}`;
}

function where(f: Finding): string {
  return f.location?.file ? `${f.location.file}${f.location.line ? `:${f.location.line}` : ''}` : '';
}

export function summaryLine(r: ScanResult): string {
  const s = r.summary;
  const scores = s.namespaces.map((n) => `${n.namespace} ${n.score}`).join(', ');
  return `${s.critical} critical, ${s.warning} warning, ${s.info} info${s.suppressed ? ` (${s.suppressed} suppressed)` : ''} · checks: ${s.checks.ran} ran, ${s.checks.skipped} skipped, ${s.checks.error} failed${scores ? ` · score: ${scores}` : ''}`;
}

export function renderFindingsTable(r: ScanResult, opts: { color?: boolean; problems?: InputProblem[]; verbose?: boolean } = {}): string {
  const paint = (c: keyof typeof C, s: string) => (opts.color ? `${C[c]}${s}${C.reset}` : s);
  const lines: string[] = [];
  const bySev = new Map<Severity, Finding[]>();
  for (const f of sortFindings(r.findings)) bySev.set(f.severity, [...(bySev.get(f.severity) ?? []), f]);
  for (const sev of ['critical', 'warning', 'info'] as const) {
    const fs = bySev.get(sev);
    if (!fs?.length) continue;
    lines.push(paint(sev, `${sev.toUpperCase()} (${fs.length})`));
    // One block per check: a check that fires on many objects shows its fix once.
    const byCheck = new Map<string, Finding[]>();
    for (const f of fs) byCheck.set(f.checkId, [...(byCheck.get(f.checkId) ?? []), f]);
    for (const [id, group] of byCheck) {
      if (group.length < 3 && sev !== 'info') {
        for (const f of group) {
          const loc = where(f);
          lines.push(`  ${paint('bold', f.checkId)}  ${ciLabel(f.cis[0] ?? '')}${loc ? paint('dim', `  ${loc}`) : ''}`);
          lines.push(`    ${f.message}`);
          lines.push(`    ${paint('dim', 'fix:')} ${f.fix}`);
        }
        continue;
      }
      lines.push(`  ${paint('bold', id)} (${group.length})  ${paint('dim', 'fix:')} ${group[0].fix}`);
      for (const f of group) {
        const loc = where(f);
        lines.push(`    ${ciLabel(f.cis[0] ?? '')}: ${f.message}${loc ? paint('dim', `  ${loc}`) : ''}`);
      }
    }
    lines.push('');
  }
  if (!r.findings.length) lines.push('No findings.', '');
  // Opt-in checks that were not configured stay quiet unless asked (--verbose); the JSON keeps every note.
  const notes = r.outcomes.flatMap((o) => (o.status === 'ran' && o.notes ? o.notes.filter((n) => opts.verbose || !n.startsWith('not configured')).map((n) => `${o.id}: ${n}`) : []));
  const errors = r.outcomes.filter((o) => o.status === 'error');
  const skipped = r.outcomes.filter((o) => o.status === 'skipped');
  if (errors.length) {
    lines.push(paint('critical', `CHECK ERRORS (${errors.length})`));
    for (const o of errors) if (o.status === 'error') lines.push(`  ${o.id}: ${o.error}`);
    lines.push('');
  }
  if (skipped.length) {
    // Group skip reasons so 11 live-only checks are one line.
    const byReason = new Map<string, string[]>();
    for (const o of skipped) if (o.status === 'skipped') byReason.set(o.reason, [...(byReason.get(o.reason) ?? []), o.id]);
    lines.push(paint('dim', `SKIPPED (${skipped.length})`));
    for (const [reason, ids] of byReason) lines.push(paint('dim', `  ${reason}: ${opts.verbose || ids.length <= 4 ? ids.join(', ') : `${ids.slice(0, 4).join(', ')} +${ids.length - 4} more`}`));
    lines.push('');
  }
  if (notes.length) {
    lines.push(paint('dim', 'NOTES'));
    for (const n of notes) lines.push(paint('dim', `  ${n}`));
    lines.push('');
  }
  if (opts.problems?.length) {
    lines.push(paint('warning', `INPUT PROBLEMS (${opts.problems.length})`));
    for (const p of opts.problems) lines.push(`  ${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`);
    lines.push('');
  }
  lines.push(summaryLine(r));
  return lines.join('\n') + '\n';
}
