// `hypercas correlate` implementation (options in correlate.ts).
import { existsSync, readFileSync } from 'node:fs';
import type { CommandContext } from '../context.js';
import type { Done } from '../main.js';
import { EXIT, UserError } from '../exit-codes.js';
import { renderData, renderTable } from '../../report/format.js';
import type { Series } from '../../model/telemetry.js';
import type { HcEvent } from '../../model/event.js';
import type { Relation } from '../../model/relation.js';
import { accToSeries, listFiles, parseLongCsv, readText, type LongCsvProblem } from '../../collect/metrics/long-csv.js';
import { readOpenMetrics } from '../../collect/metrics/openmetrics.js';
import { ciFromLabels } from '../../analyze/anomaly/events.js';
import { compareWithDeclared, correlateSeries, type CandidateMode, type Comparison } from '../../analyze/correlate/index.js';
import { queryPrometheus } from '../prometheus.js';

export interface CorrelateOpts {
  prom?: string;
  query: string[];
  start: string;
  end: string;
  promStep: string;
  header: string[];
  bearerTokenFile?: string;
  timeout?: string;
  maxLag: string;
  step?: string;
  alpha: string;
  minR: string;
  method: string;
  candidates: string;
  prune: boolean;
  threads?: string;
  events?: string;
  eventsFromStore?: boolean;
  eventWindow: string;
  store?: boolean;
  cluster: string;
}

/** `90`, `90s`, `10m`, `1h`, `500ms` → seconds. */
export function durationSeconds(v: string, what: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)?$/.exec(v.trim());
  if (!m) throw new UserError(`${what}: not a duration: ${v} (e.g. 90s, 10m, 1h)`);
  const k = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400 }[(m[2] ?? 's') as 'ms' | 's' | 'm' | 'h' | 'd'];
  return Number(m[1]) * k;
}

const OM = /\.(prom|om|openmetrics)$/i;

/** Reads long CSVs and OpenMetrics files (CIs from workload labels) from a file or directory. */
export function readInput(path: string, cluster: string): { series: Series[]; problems: LongCsvProblem[]; files: number } {
  if (!existsSync(path)) throw new UserError(`${path}: no such file or directory`);
  const files = listFiles(path, (name) => /\.csv$/i.test(name) || OM.test(name));
  const acc: Parameters<typeof parseLongCsv>[2] = new Map();
  const problems: LongCsvProblem[] = [];
  const om: Series[] = [];
  for (const f of files) {
    const text = readText(f, problems);
    if (text === undefined) continue;
    if (OM.test(f) || /^# (TYPE|HELP) /m.test(text.slice(0, 2000))) {
      const r = readOpenMetrics(text, f);
      for (const p of r.problems) problems.push({ file: p.where, line: 0, message: p.message });
      for (const s of r.series) {
        const ci = s.ci ?? ciFromLabels(s.labels, cluster);
        if (!ci) {
          problems.push({ file: f, line: 0, message: `series ${s.metric}${JSON.stringify(s.labels)} has no namespace/workload labels to map it to a CI; skipped` });
          continue;
        }
        om.push({ ...s, ci });
      }
    } else parseLongCsv(text, f, acc, problems);
  }
  return { series: [...accToSeries(acc), ...om], problems, files: files.length };
}

function readEvents(file: string): HcEvent[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UserError(`${file}: ${(e as Error).message}`);
  }
  const t = text.trim();
  try {
    if (t.startsWith('[')) return JSON.parse(t) as HcEvent[];
    return t
      .split(/\r?\n/)
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as HcEvent);
  } catch (e) {
    throw new UserError(`${file}: not a JSON array or JSON lines of events: ${(e as Error).message}`);
  }
}

/** The documented JSON shape: from leads to when the direction is known. */
export function toOutput(relations: Relation[]) {
  return {
    relations: relations.map((r) => ({
      from: r.from,
      to: r.to,
      score: r.confidence ?? 0,
      lag_seconds: r.type === 'connects-to' ? ((r.evidence?.lag_seconds as number | null | undefined) ?? null) : null,
      evidence: { type: r.type, ...r.evidence },
    })),
  };
}

export async function correlate(ctx: CommandContext, done: Done, input: string | undefined, o: CorrelateOpts): Promise<void> {
  const alpha = Number(o.alpha);
  if (!(alpha > 0 && alpha < 1)) throw new UserError(`--alpha must be in (0, 1), got ${o.alpha}`);
  const minR = Number(o.minR);
  if (!(minR >= 0 && minR < 1)) throw new UserError(`--min-r must be in [0, 1), got ${o.minR}`);
  if (o.method !== 'spearman' && o.method !== 'pearson') throw new UserError(`--method must be spearman or pearson, got ${o.method}`);
  const modes = ['auto', 'all', 'namespace', 'lsh', 'namespace+lsh'];
  if (!modes.includes(o.candidates)) throw new UserError(`--candidates must be one of ${modes.join(', ')}`);
  const threads = o.threads === undefined ? undefined : Number(o.threads);
  if (threads !== undefined && !(Number.isInteger(threads) && threads >= 0)) throw new UserError(`--threads must be a whole number, got ${o.threads}`);

  let series: Series[];
  let problems: LongCsvProblem[] = [];
  if (o.prom) {
    if (input) throw new UserError('give either INPUT or --prom, not both');
    if (!o.query.length) throw new UserError('--prom needs at least one --query');
    series = [];
    for (const s of await fromPrometheus(o)) {
      const ci = s.ci ?? ciFromLabels(s.labels, o.cluster);
      if (ci) series.push({ ...s, ci });
      else problems.push({ file: o.prom, line: 0, message: `series ${JSON.stringify(s.labels)} has no namespace/workload labels to map it to a CI; skipped` });
    }
    input = o.prom;
  } else {
    if (!input) throw new UserError('missing INPUT (a file or directory) or --prom URL --query Q');
    ({ series, problems } = readInput(input, o.cluster));
  }
  const quiet = ctx.globals().quiet;
  for (const p of problems.slice(0, 50)) ctx.io.err(`warning: ${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}\n`);
  if (problems.length > 50) ctx.io.err(`warning: ... and ${problems.length - 50} more input problems\n`);
  if (series.length < 2) throw new UserError(`${input}: need at least two series, found ${series.length}`);

  const events: HcEvent[] = [];
  if (o.events) events.push(...readEvents(o.events));
  if (o.eventsFromStore) events.push(...ctx.store().listEvents({}));

  const res = await correlateSeries(series, {
    maxLagSeconds: durationSeconds(o.maxLag, '--max-lag'),
    stepSeconds: o.step ? durationSeconds(o.step, '--step') : undefined,
    alpha,
    minAbsR: minR,
    method: o.method,
    candidates: o.candidates as CandidateMode,
    prune: o.prune,
    threads,
    events,
    eventWindowSeconds: durationSeconds(o.eventWindow, '--event-window'),
  });

  let cmp: Comparison | undefined;
  if (o.store) {
    const store = ctx.store();
    store.upsertInferredRelations(res.relations);
    const observed = new Set(series.map((s) => s.ci!).filter(Boolean));
    cmp = compareWithDeclared(res.relations, store.relations({ source: 'declared' }), observed);
    const status = new Map<Relation, { status: string; path?: string[] }>();
    for (const c of cmp.confirmed) status.set(c.inferred, { status: 'confirmed', path: c.path.map((p) => `${p.from} ${p.type} ${p.to}`) });
    for (const r of cmp.new) status.set(r, { status: 'new' });
    for (const r of res.relations) r.evidence = { ...r.evidence, declared: status.get(r) };
  }

  const fmt = ctx.globals().output;
  if (fmt === 'table') {
    const rows = res.relations;
    ctx.io.out(
      rows.length
        ? renderTable(rows, [
            { header: 'FROM', get: (r) => r.from },
            { header: 'TO', get: (r) => r.to },
            { header: 'TYPE', get: (r) => r.type },
            { header: 'SCORE', get: (r) => r.confidence, right: true },
            { header: 'LAG', get: (r) => (r.type === 'connects-to' && r.evidence?.lag_seconds != null ? `${r.evidence.lag_seconds}s` : '') , right: true },
            { header: 'Q', get: (r) => (typeof r.evidence?.q === 'number' ? (r.evidence.q as number).toExponential(1) : ''), right: true },
            { header: 'EVIDENCE', get: (r) => describe(r), max: 70 },
            ...(cmp ? [{ header: 'DECLARED', get: (r: Relation) => (r.evidence?.declared as { status: string } | undefined)?.status }] : []),
          ])
        : 'no relations found\n',
    );
    if (cmp?.unseen.length) {
      ctx.io.out(`\ndeclared but never seen in the data (${cmp.unseen.length}):\n`);
      ctx.io.out(renderTable(cmp.unseen, [{ header: 'FROM', get: (r) => r.from }, { header: 'TYPE', get: (r) => r.type }, { header: 'TO', get: (r) => r.to }]));
    }
    if (!quiet) {
      const s = res.summary;
      ctx.io.out(`\n${s.used} series (${s.skipped.length} skipped), ${s.points} points every ${s.stepSeconds}s, ${res.relations.length} relations` + (cmp ? `: ${cmp.confirmed.length} confirmed, ${cmp.new.length} new, ${cmp.unseen.length} declared but never seen` : '') + ` (${(s.timingsMs.total / 1000).toFixed(2)}s)\n`);
      ctx.io.out(`${s.explanation}\n`);
    }
  } else {
    ctx.io.out(renderData(toOutput(res.relations), fmt));
    if (cmp?.unseen.length && !quiet) for (const r of cmp.unseen) ctx.io.err(`declared but never seen: ${r.from} ${r.type} ${r.to}\n`);
  }
  if (o.store && !quiet) ctx.io.err(`stored ${res.relations.length} inferred relation(s)\n`);
  done(problems.length ? EXIT.PARTIAL : EXIT.OK);
}

function fromPrometheus(o: CorrelateOpts): Promise<Series[]> {
  return queryPrometheus({ ...o, step: o.promStep }, o.query);
}

function describe(r: Relation): string {
  const e = r.evidence ?? {};
  const parts: string[] = [];
  if (typeof e.r === 'number') parts.push(`${e.method} r=${(e.r as number).toFixed(2)} n=${e.n}${(e.series_pairs as number) > 1 ? ` (${e.series_pairs} metric pairs)` : ''}`);
  const ev = e.events as { support: number; confidence: number } | undefined;
  if (ev) parts.push(`events: ${ev.support} together, confidence ${ev.confidence.toFixed(2)}`);
  return parts.join('; ');
}
