// SARIF 2.1.0 for CI code scanning: file:line when scanning files, logicalLocations for live objects.
import { createHash } from 'node:crypto';
import type { ScanResult } from '../detect/engine.js';
import type { CheckMeta } from '../detect/check.js';
import { parseCiId } from '../model/ci.js';
import type { Severity } from '../model/finding.js';

const LEVEL: Record<Severity, string> = { critical: 'error', warning: 'warning', info: 'note' };

export function renderFindingsSarif(r: ScanResult, metas: CheckMeta[], opts: { version: string; informationUri?: string }): string {
  const used = new Set(r.outcomes.map((o) => o.id));
  const rules = metas.filter((m) => used.has(m.id));
  const index = new Map(rules.map((m, i) => [m.id, i]));
  const results = r.findings.map((f) => {
    const p = parseCiId(f.cis[0] ?? '');
    const locations = f.location?.file
      ? [{ physicalLocation: { artifactLocation: { uri: f.location.file.replace(/\\/g, '/') }, ...(f.location.line ? { region: { startLine: f.location.line } } : {}) } }]
      : p ? [{ logicalLocations: [{ name: p.name, kind: p.kind, fullyQualifiedName: `${p.cluster}/${p.namespace || '_'}/${p.kind}/${p.name}` }] }] : [];
    return {
      ruleId: f.checkId,
      ...(index.has(f.checkId) ? { ruleIndex: index.get(f.checkId) } : {}),
      level: LEVEL[f.severity],
      message: { text: `${f.message}\nFix: ${f.fix}` },
      locations,
      partialFingerprints: { 'hypercas/v1': createHash('sha256').update(`${f.checkId}|${f.cis.join(',')}|${f.message}`).digest('hex').slice(0, 32) },
      properties: { cis: f.cis, evidence: f.evidence, ...(f.aliases ? { aliases: f.aliases } : {}) },
    };
  });
  const log = {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [{
      tool: { driver: {
        name: 'hypercas', version: opts.version, informationUri: opts.informationUri ?? 'https://github.com/hypercas/hypercas',
        rules: rules.map((m) => ({
          id: m.id, name: m.title.replace(/[^A-Za-z0-9]+/g, ' ').trim(),
          shortDescription: { text: m.title }, fullDescription: { text: m.docs.why },
          help: { text: `${m.docs.why}\n\nFix: ${m.docs.fix}`, markdown: `${m.docs.why}\n\n**Fix:** ${m.docs.fix}` },
          defaultConfiguration: { level: LEVEL[m.severity] },
          properties: { category: m.category, ...(m.aliases?.length ? { aliases: m.aliases } : {}) },
        })),
      } },
      results,
      invocations: [{ executionSuccessful: !r.outcomes.some((o) => o.status === 'error'), toolExecutionNotifications: r.outcomes.filter((o) => o.status !== 'ran').map((o) => ({ level: o.status === 'error' ? 'error' : 'note', message: { text: `${o.id}: ${o.status === 'error' ? o.error : o.status === 'skipped' ? `skipped: ${o.reason}` : ''}` } })) }],
    }],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
