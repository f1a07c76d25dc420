// `hypercas scan` implementation (options in scan.ts).
import { createRequire } from 'node:module';
import { stringify as toYaml } from 'yaml';
import type { CommandContext } from '../context.js';
import type { Done } from '../main.js';
import { EXIT, UserError } from '../exit-codes.js';
import { readStdin, writeUserFile } from '../util.js';
import { FORMATS, type Format } from './scan.js';
import { collectClusters, collectFiles, storeCollected, type Collected } from '../../collect/collect.js';
import { inventoryFromSnapshot, resolveSnapshotRef } from '../../cmdb/snapshot-inventory.js';
import type { Inventory } from '../../cmdb/inventory.js';
import { findingEvents } from '../../detect/finding-events.js';
import { allBuiltinChecks } from '../../detect/registry.js';
import { runChecks, type EngineConfig, type ScanResult } from '../../detect/engine.js';
import type { ConfigProblem } from '../../detect/config.js';
import type { Check } from '../../detect/check.js';
import type { Severity } from '../../model/finding.js';
import { SEVERITY_RANK } from '../../model/finding.js';
import { renderFindingsTable } from '../../report/findings-table.js';
import { renderFindingsJson, toScanReport, type InputProblem } from '../../report/findings-json.js';
import { renderFindingsHtml } from '../../report/findings-html.js';
import { renderFindingsSarif } from '../../report/findings-sarif.js';
import { renderFindingsJunit } from '../../report/findings-junit.js';

const pkg = createRequire(import.meta.url)('../../../package.json') as { version: string };

export interface ScanOpts {
  file: string[];
  context: string[];
  kubeconfig?: string;
  inCluster?: boolean;
  cluster: string;
  rules: string[];
  config?: string;
  format?: string;
  out?: string;
  failOn?: string;
  previous: string[];
  store?: boolean;
  annotationExemptions: boolean;
  only?: string;
  verbose?: boolean;
}

export async function scan(ctx: CommandContext, done: Done, opts: ScanOpts): Promise<void> {
  const g = ctx.globals();
  const format = (opts.format ?? g.output) as Format;
  if (!FORMATS.includes(format)) throw new UserError(`--format: unknown format ${format} (${FORMATS.join('|')})`);
  const problems: InputProblem[] = [];
  const addProblems = (ps: ConfigProblem[]) => problems.push(...ps.map((p) => ({ file: p.file, ...(p.line ? { line: p.line } : {}), message: p.message })));

  // Config and rules first: a broken config file is a usage error.
  let engine: EngineConfig = {};
  let failOn = opts.failOn;
  const ruleDirs = [...opts.rules];
  if (opts.config) {
    // The config and user-rule loaders bring zod (and the CEL interpreter): only when asked for.
    const { loadScanConfig } = await import('../../detect/config.js');
    const c = loadScanConfig(opts.config);
    if (!c.loaded) throw new UserError(c.problems.map((p) => `${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`).join('; '));
    engine = c.loaded.engine;
    failOn ??= c.loaded.config.failOn;
    ruleDirs.push(...c.loaded.rulesDirs);
  }
  if (!opts.annotationExemptions) engine.annotationExemptions = false;
  if (opts.only) engine.only = opts.only.split(',').map((s) => s.trim()).filter(Boolean);
  if (failOn && !['warning', 'critical', 'info', 'none'].includes(failOn)) throw new UserError(`--fail-on: expected warning|critical|info|none, got ${failOn}`);
  const checks: Check[] = [...allBuiltinChecks];
  if (ruleDirs.length) {
    const { loadUserRules } = await import('../../detect/user-rules.js');
    const user = loadUserRules(ruleDirs, new Set(checks.map((c) => c.meta.id)));
    addProblems(user.problems);
    checks.push(...user.checks);
  }
  // A misspelt check id would silently run nothing (--only) or change nothing (disabled, severity):
  // ids and aliases are matched exactly by the engine, so check them against the catalogue here.
  const known = new Set(checks.flatMap((c) => [c.meta.id, ...(c.meta.aliases ?? [])]));
  const unknown = (ids: string[] | undefined) => (ids ?? []).filter((id) => id !== '*' && !known.has(id));
  const badOnly = unknown(engine.only);
  if (badOnly.length) throw new UserError(`${opts.only ? '--only' : `${opts.config}: only`}: unknown check id ${badOnly.join(', ')} (see \`hypercas rules list\`)`);
  for (const [what, ids] of [['disabled', engine.disabled], ['severity', Object.keys(engine.severity ?? {})]] as const)
    for (const id of unknown(ids)) problems.push({ file: opts.config ?? '--config', message: `${what}: unknown check id ${id} (ignored; see \`hypercas rules list\`)` });

  // Collect.
  const collected: Collected[] = [];
  let code: number = EXIT.OK;
  if (opts.file.length) {
    const stdinText = opts.file.includes('-') ? await readStdin(ctx.io.stdin) : undefined;
    const c = collectFiles(opts.file, { cluster: opts.cluster, stdinText });
    problems.push(...c.problems.filter((p) => p.level === 'error').map((p) => ({ file: p.file, ...(p.line ? { line: p.line } : {}), message: p.message })));
    if (!c.inventory.items.length) throw new UserError(`no Kubernetes objects found in ${opts.file.join(', ')}${problems.length ? ` (${problems.length} problem(s), first: ${problems[0].file}${problems[0].line ? `:${problems[0].line}` : ''}: ${problems[0].message})` : ''}`);
    collected.push(c);
  } else {
    let live;
    try {
      live = await collectClusters({ kubeconfig: opts.kubeconfig, contexts: opts.context, inCluster: opts.inCluster, onProgress: g.quiet || !ctx.io.isTTY ? undefined : (l) => ctx.io.err(`\r\x1b[K${l.slice(0, 100)}`) });
    } catch (e) {
      // A missing or bad kubeconfig is a usage error (2): main() maps KubeAccessError by its reason.
      if (e instanceof Error && e.name === 'KubeAccessError') throw e;
      throw new UserError((e as Error).message, EXIT.UNREACHABLE);
    }
    if (!g.quiet && ctx.io.isTTY) ctx.io.err('\r\x1b[K');
    for (const r of live) {
      if ('error' in r) {
        ctx.io.err(`hypercas: ${r.cluster}: ${r.error.message}\n`);
        code = EXIT.UNREACHABLE;
      } else {
        for (const d of r.denied) problems.push({ file: r.source, message: `cannot list ${d.kind}${d.namespace ? ` in ${d.namespace}` : ''}: ${d.message}` });
        collected.push(r);
      }
    }
    if (!collected.length) return done(code);
  }
  // History: explicit files or a stored snapshot; with --store, the cluster's latest snapshot.
  const snapRefs = opts.previous.filter((p) => p.startsWith('@'));
  const prevFiles = opts.previous.filter((p) => !p.startsWith('@'));
  const previousOf = (c: Collected): Inventory | undefined => {
    if (prevFiles.length) {
      // The history the user named must not silently be empty: report its problems like the input's.
      const prev = collectFiles(prevFiles, { cluster: c.cluster });
      problems.push(...prev.problems.filter((p) => p.level === 'error').map((p) => ({ file: p.file, ...(p.line ? { line: p.line } : {}), message: `(--previous) ${p.message}` })));
      if (!prev.inventory.items.length) throw new UserError(`--previous: no Kubernetes objects found in ${prevFiles.join(', ')}${problems.length ? ` (first problem: ${problems[problems.length - 1].file}: ${problems[problems.length - 1].message})` : ''}`);
      return prev.inventory;
    }
    const store = snapRefs.length || opts.store ? ctx.store() : undefined;
    if (!store) return undefined;
    const ref = snapRefs[0] ?? '@latest';
    const id = resolveSnapshotRef(store, c.cluster, ref);
    if (id === undefined) {
      if (snapRefs.length) throw new UserError(`--previous ${ref}: cluster ${c.cluster} has no such snapshot (see \`hypercas snapshots\`)`);
      return undefined;
    }
    return inventoryFromSnapshot(store, c.cluster, id);
  };

  // Run and render (one report per cluster; files are one "cluster").
  const results: ScanResult[] = collected.map((c) => runChecks(c.inventory, checks, engine, { previous: previousOf(c) }));
  if (opts.store) {
    const store = ctx.store();
    collected.forEach((c, i) => {
      const snap = storeCollected(store, c);
      store.addEvents(findingEvents(results[i].findings, snap.snapshot.id, snap.snapshot.takenAt));
      if (!g.quiet) ctx.io.err(`stored snapshot @${snap.snapshot.id} of ${c.cluster} and ${results[i].findings.length} findings as events in ${store.path}\n`);
    });
  }
  const meta = { version: pkg.version, problems };
  let text: string;
  if (format === 'table') text = results.map((r) => (results.length > 1 ? `== ${r.cluster}\n` : '') + renderFindingsTable(r, { color: ctx.io.isTTY && g.color !== false && !opts.out, problems, verbose: opts.verbose })).join('\n');
  else if (format === 'json') text = results.length === 1 ? renderFindingsJson(results[0], meta) : JSON.stringify(results.map((r) => toScanReport(r, meta)), null, 2) + '\n';
  else if (format === 'yaml') text = toYaml(results.length === 1 ? toScanReport(results[0], meta) : results.map((r) => toScanReport(r, meta)), { lineWidth: 0 });
  else if (format === 'html') text = results.map((r) => renderFindingsHtml(r, meta)).join('\n');
  else if (format === 'sarif') text = renderFindingsSarif(mergeResults(results), checks.map((c) => c.meta), { version: pkg.version });
  else text = renderFindingsJunit(mergeResults(results));
  if (opts.out) {
    writeUserFile('--out', opts.out, text);
    if (!g.quiet) for (const r of results) ctx.io.err(`${r.cluster}: ${r.summary.critical} critical, ${r.summary.warning} warning, ${r.summary.info} info → ${opts.out}\n`);
  } else ctx.io.out(text);
  if (format !== 'table' && !opts.out && problems.length && !g.quiet) for (const p of problems) ctx.io.err(`problem: ${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}\n`);

  // Exit code: internal error > findings at threshold > partial input > ok.
  if (results.some((r) => r.outcomes.some((o) => o.status === 'error'))) return done(EXIT.INTERNAL);
  if (failOn && failOn !== 'none' && results.some((r) => r.findings.some((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[failOn as Severity]))) return done(EXIT.FINDINGS);
  if (problems.length) code = Math.max(code, EXIT.PARTIAL);
  done(code);
}

function mergeResults(rs: ScanResult[]): ScanResult {
  if (rs.length === 1) return rs[0];
  const out = { ...rs[0], findings: rs.flatMap((r) => r.findings), suppressed: rs.flatMap((r) => r.suppressed), outcomes: rs[0].outcomes };
  return out;
}
