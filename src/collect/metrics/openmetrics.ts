// Reads the OpenMetrics / Prometheus text exposition format into series, one per metric name and
// label set. Samples without a timestamp get `defaultTime` (a scrape is one instant). Bad lines are
// reported with their line number and skipped. Timestamps are seconds (OpenMetrics) as floats.
import type { Series } from '../../model/telemetry.js';
import type { InputProblem, ReadResult } from './csv.js';

export interface OpenMetricsOptions {
  /** Unix ms for samples without a timestamp (default: now). */
  defaultTime?: number;
  /** Only these metric names (default: all). */
  metrics?: string[];
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;

function parseLabels(s: string, start: number): { labels: Record<string, string>; end: number } | string {
  const labels: Record<string, string> = {};
  let i = start + 1; // after '{'
  for (;;) {
    while (s[i] === ' ' || s[i] === ',') i++;
    if (s[i] === '}') return { labels, end: i + 1 };
    const m = NAME.exec(s.slice(i));
    if (!m) return `bad label name at column ${i + 1}`;
    const key = m[0];
    i += key.length;
    while (s[i] === ' ') i++;
    if (s[i] !== '=') return `expected '=' after label ${key}`;
    i++;
    while (s[i] === ' ') i++;
    if (s[i] !== '"') return `expected '"' to open the value of label ${key}`;
    i++;
    let v = '';
    for (;;) {
      if (i >= s.length) return `unterminated value of label ${key}`;
      const c = s[i++];
      if (c === '"') break;
      if (c === '\\') {
        const e = s[i++];
        v += e === 'n' ? '\n' : e; // \\ and \" stand for themselves
      } else v += c;
    }
    labels[key] = v;
  }
}

function parseNumber(s: string): number {
  const t = s.trim();
  if (t === '+Inf' || t === 'Inf') return Infinity;
  if (t === '-Inf') return -Infinity;
  if (t === 'NaN') return NaN;
  if (t === '' || !/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) return Number.NaN - 1; // sentinel: invalid
  return Number(t);
}

function seriesKey(name: string, labels: Record<string, string>): string {
  return name + JSON.stringify(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function readOpenMetrics(text: string, file = '<openmetrics>', opts: OpenMetricsOptions = {}): ReadResult {
  const problems: InputProblem[] = [];
  const byKey = new Map<string, { metric: string; labels: Record<string, string>; ts: number[]; vs: number[] }>();
  const defaultTime = opts.defaultTime ?? Date.now();
  const only = opts.metrics ? new Set(opts.metrics) : undefined;
  const lines = text.split('\n');
  let sawEof = false;
  for (let ln = 0; ln < lines.length; ln++) {
    const line = lines[ln].replace(/\r$/, '');
    const where = `${file}:${ln + 1}`;
    if (line.trim() === '') continue;
    if (sawEof) {
      problems.push({ where, message: 'content after # EOF ignored' });
      break;
    }
    if (line.startsWith('#')) {
      if (line.trim() === '# EOF') sawEof = true;
      continue; // HELP / TYPE / UNIT / comments carry no samples
    }
    const m = NAME.exec(line);
    if (!m) {
      problems.push({ where, message: `bad metric name in "${line.slice(0, 60)}"` });
      continue;
    }
    const name = m[0];
    let i = name.length;
    let labels: Record<string, string> = {};
    if (line[i] === '{') {
      const r = parseLabels(line, i);
      if (typeof r === 'string') {
        problems.push({ where, message: r });
        continue;
      }
      labels = r.labels;
      i = r.end;
    }
    // Exemplars (after ' # ') are not samples.
    const rest = line.slice(i).split(' # ')[0].trim().split(/\s+/);
    if (rest.length < 1 || rest.length > 2 || rest[0] === '') {
      problems.push({ where, message: 'expected "<value> [<timestamp>]" after the metric' });
      continue;
    }
    const v = parseNumber(rest[0]);
    if (Number.isNaN(v) && rest[0].trim() !== 'NaN') {
      problems.push({ where, message: `bad value "${rest[0].slice(0, 40)}"` });
      continue;
    }
    let t = defaultTime;
    if (rest.length === 2) {
      const ts = parseNumber(rest[1]);
      if (!Number.isFinite(ts)) {
        problems.push({ where, message: `bad timestamp "${rest[1].slice(0, 40)}"` });
        continue;
      }
      t = ts * 1000;
    }
    if (only && !only.has(name)) continue;
    const key = seriesKey(name, labels);
    let s = byKey.get(key);
    if (!s) byKey.set(key, (s = { metric: name, labels, ts: [], vs: [] }));
    s.ts.push(t);
    s.vs.push(v);
  }
  const series: Series[] = [];
  for (const s of byKey.values()) {
    const idx = s.ts.map((_, k) => k).sort((a, b) => s.ts[a] - s.ts[b] || a - b);
    series.push({ metric: s.metric, labels: s.labels, timestamps: Float64Array.from(idx, (k) => s.ts[k]), values: Float64Array.from(idx, (k) => s.vs[k]) });
  }
  return { series, problems };
}

/** Writes series as OpenMetrics text (timestamps in seconds), ending with `# EOF`: the input of `promtool tsdb create-blocks-from openmetrics`. */
export function writeOpenMetrics(series: Series[], types: Record<string, 'gauge' | 'counter'> = {}): string {
  const out: string[] = [];
  const seen = new Set<string>();
  const esc = (v: string) => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
  // OpenMetrics wants all samples of a metric family together, families not interleaved.
  const byMetric = new Map<string, Series[]>();
  for (const s of series) byMetric.set(s.metric, [...(byMetric.get(s.metric) ?? []), s]);
  for (const [metric, list] of byMetric) {
    const type = types[metric] ?? 'gauge';
    // A counter family is named without `_total`; its samples carry the suffix.
    const family = type === 'counter' ? metric.replace(/_total$/, '') : metric;
    if (!seen.has(family)) {
      out.push(`# TYPE ${family} ${type}`);
      seen.add(family);
    }
    for (const s of list) {
      const lab = Object.entries(s.labels)
        .map(([k, v]) => `${k}="${esc(v)}"`)
        .join(',');
      const head = lab ? `${metric}{${lab}}` : metric;
      for (let i = 0; i < s.values.length; i++) {
        const v = s.values[i];
        if (!Number.isFinite(s.timestamps[i])) continue;
        const vs = Number.isNaN(v) ? 'NaN' : v === Infinity ? '+Inf' : v === -Infinity ? '-Inf' : String(v);
        out.push(`${head} ${vs} ${s.timestamps[i] / 1000}`);
      }
    }
  }
  out.push('# EOF');
  return out.join('\n') + '\n';
}
