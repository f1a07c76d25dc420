// `hypercas anomaly` implementation (options in anomaly.ts).
// `--scores` prints exactly one score in [0, 1] per data row and nothing else (the NAB contract).
import { readFileSync } from 'node:fs';
import type { CommandContext } from '../context.js';
import type { Done } from '../main.js';
import { EXIT, UserError } from '../exit-codes.js';
import { writeUserFile } from '../util.js';
import { decodeText } from '../../collect/decode-text.js';
import { renderData, renderTable } from '../../report/format.js';
import type { Series } from '../../model/telemetry.js';
import { readMetricCsv, type InputProblem } from '../../collect/metrics/csv.js';
import { readOpenMetrics } from '../../collect/metrics/openmetrics.js';
import { queryPrometheus } from '../prometheus.js';
import { analyseSeries, type PipelineOptions } from '../../analyze/anomaly/pipeline.js';
import { findAnomalies, type Anomaly } from '../../analyze/anomaly/episodes.js';
import { anomaliesToEvents, ciFromLabels } from '../../analyze/anomaly/events.js';
import { renderPlotHtml } from '../../analyze/anomaly/plot.js';

export interface AnomalyOpts {
  scores?: boolean;
  prom?: string;
  query?: string;
  start?: string;
  end?: string;
  step?: string;
  header: string[];
  bearerTokenFile?: string;
  timeout?: string;
  counter?: boolean;
  seasonal: boolean;
  threshold: string;
  driver: string[];
  plot?: string;
  store?: boolean;
  cluster?: string;
  fail?: boolean;
}

export async function anomaly(ctx: CommandContext, done: Done, file: string | undefined, o: AnomalyOpts): Promise<void> {
  const threshold = Number(o.threshold);
  if (!(threshold > 0 && threshold <= 1)) throw new UserError(`--threshold must be in (0, 1], got ${o.threshold}`);
  const problems: InputProblem[] = [];
  let series: Series[];
  let source: string;
  if (o.prom) {
    if (file) throw new UserError('give either FILE or --prom, not both');
    if (!o.query) throw new UserError('--prom needs --query');
    series = await fromPrometheus(o);
    source = o.prom;
  } else {
    if (!file) throw new UserError('missing FILE (or --prom URL --query Q)');
    let text: string;
    try {
      text = decodeText(readFileSync(file));
    } catch (e) {
      throw new UserError(`${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
    }
    const isOm = /\.(prom|om|txt|openmetrics)$/i.test(file) || /^# (TYPE|HELP) /m.test(text.slice(0, 2000));
    const r = isOm ? readOpenMetrics(text, file) : readMetricCsv(text, file, { keepBadRows: Boolean(o.scores) });
    problems.push(...r.problems);
    series = r.series;
    source = file;
  }
  for (const p of problems) ctx.io.err(`warning: ${p.where}: ${p.message}\n`);
  // A driver file's problems make the result partial too (exit 3), reported once each.
  const driverSeen = new Set<string>();
  const driverProblem = (p: InputProblem) => {
    const k = `${p.where}: ${p.message}`;
    if (driverSeen.has(k)) return;
    driverSeen.add(k);
    ctx.io.err(`warning: ${k}\n`);
    problems.push(p);
  };

  const pipe: PipelineOptions = { counter: o.counter, seasonal: o.seasonal };
  if (o.scores) {
    if (series.length !== 1) throw new UserError(`--scores needs exactly one series, the input has ${series.length}`);
    if (o.driver.length) pipe.drivers = loadDrivers(o.driver, series[0].timestamps, driverProblem);
    const r = analyseSeries(series[0], pipe);
    const lines: string[] = new Array(r.scores.length);
    for (let i = 0; i < r.scores.length; i++) lines[i] = r.scores[i].toFixed(6);
    ctx.io.out(lines.length ? lines.join('\n') + '\n' : '');
    done(problems.length ? EXIT.PARTIAL : EXIT.OK);
    return;
  }
  if (series.length === 0) throw new UserError(`${source}: no series to analyse`);
  // "no anomalies in 1 series (0 points)" would read as a clean bill of health.
  if (series.every((s) => s.timestamps.length === 0)) throw new UserError(`${source}: no data points to analyse`);

  const results: Array<{ series: Series; ci?: string; anomalies: Anomaly[] }> = [];
  const plots: string[] = [];
  for (const s of series) {
    const opts = { ...pipe };
    if (o.driver.length) opts.drivers = loadDrivers(o.driver, s.timestamps, driverProblem);
    const r = analyseSeries(s, opts, true);
    const anomalies = findAnomalies(s.timestamps, r.values, r.scores, r.explanation!, { threshold });
    results.push({ series: s, ci: s.ci ?? ciFromLabels(s.labels, o.cluster), anomalies });
    if (o.plot) {
      plots.push(
        renderPlotHtml({ title: `${seriesName(s)}${o.counter ? ' (rate)' : ''}`, timestamps: s.timestamps, values: r.values, expected: r.explanation!.expected, band: r.explanation!.band, anomalies }),
      );
    }
  }
  if (o.plot) {
    // One page; several series become several sections of it.
    const html = plots.length === 1 ? plots[0] : plots[0].replace(/<\/body><\/html>\s*$/, plots.slice(1).map((p) => p.replace(/^[\s\S]*?<body>/, '').replace(/<\/body><\/html>\s*$/, '')).join('\n') + '</body></html>\n');
    writeUserFile('--plot', o.plot, html);
  }
  if (o.store) {
    const events = results.flatMap((r) => anomaliesToEvents({ ...r.series, ci: r.ci }, r.anomalies, { cluster: o.cluster, source }));
    if (events.length) ctx.store().addEvents(events);
    if (!ctx.globals().quiet) ctx.io.err(`stored ${events.length} event(s)\n`);
  }

  const g = ctx.globals();
  const total = results.reduce((a, r) => a + r.anomalies.length, 0);
  if (g.output !== 'table') {
    ctx.io.out(
      renderData(
        results.map((r) => ({
          series: seriesName(r.series),
          ci: r.ci,
          points: r.series.values.length,
          anomalies: r.anomalies.map((a) => ({
            start: iso(a.start),
            end: iso(a.end),
            peak: iso(a.peak),
            peakScore: round(a.peakScore, 6),
            observed: Number.isFinite(a.observed) ? Number(a.observed.toPrecision(12)) : a.observed,
            expected: round(a.expected, 6),
            band: round(a.band, 6),
            component: a.component,
            z: round(a.z, 3),
            explanation: a.explanation,
          })),
        })),
        g.output,
      ),
    );
  } else {
    const rows = results.flatMap((r) => r.anomalies.map((a) => ({ s: seriesName(r.series), a })));
    if (rows.length === 0) ctx.io.out(`no anomalies in ${results.length} series (${results.reduce((a, r) => a + r.series.values.length, 0)} points)\n`);
    else
      ctx.io.out(
        renderTable(rows, [
          ...(results.length > 1 ? [{ header: 'SERIES', get: (x: (typeof rows)[0]) => x.s, max: 50 }] : []),
          { header: 'START', get: (x) => iso(x.a.start) },
          { header: 'END', get: (x) => iso(x.a.end) },
          { header: 'SCORE', get: (x) => x.a.peakScore.toFixed(4), right: true },
          { header: 'EXPLANATION', get: (x) => x.a.explanation },
        ]),
      );
  }
  done(o.fail && total > 0 ? EXIT.FINDINGS : problems.length ? EXIT.PARTIAL : EXIT.OK);
}

function fromPrometheus(o: AnomalyOpts): Promise<Series[]> {
  return queryPrometheus(o, [o.query!]);
}

/** Driver CSVs aligned to the metric's timestamps (exact match; other rows NaN). */
function loadDrivers(files: string[], ts: ArrayLike<number>, warn: (p: InputProblem) => void): Float64Array[] {
  return files.map((f) => {
    let text: string;
    try {
      text = decodeText(readFileSync(f));
    } catch (e) {
      throw new UserError(`${f}: ${(e as Error).message}`);
    }
    const r = readMetricCsv(text, f);
    for (const p of r.problems) warn(p);
    const s = r.series[0];
    const byT = new Map<number, number>();
    if (s) for (let i = 0; i < s.values.length; i++) byT.set(s.timestamps[i], s.values[i]);
    return Float64Array.from({ length: ts.length }, (_, i) => byT.get(ts[i]) ?? NaN);
  });
}

function seriesName(s: Series): string {
  const l = Object.entries(s.labels)
    .map(([k, v]) => `${k}="${v}"`)
    .join(',');
  return l ? `${s.metric}{${l}}` : s.metric;
}

function iso(ms: number): string {
  return Number.isFinite(ms) ? new Date(ms).toISOString() : '';
}

function round(v: number, d: number): number {
  return Number.isFinite(v) ? Number(v.toFixed(d)) : v;
}
