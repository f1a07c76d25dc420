// Puts series with different scrape intervals and gaps onto one time grid: samples are averaged
// into grid bins, short gaps are interpolated, long ones stay missing (NaN). Counters become rates.
import type { Series } from '../../model/telemetry.js';

export interface AlignOptions {
  /** Grid step; default: the coarsest median scrape interval among the series. */
  stepSeconds?: number;
  /** Longest gap (in grid steps) filled by linear interpolation; longer gaps stay missing. Default 3. */
  maxGapSteps?: number;
  /** Treat these as counters (converted to per-second rates). Default: names ending in _total/_count/_sum/_bucket. */
  isCounter?: (metric: string) => boolean;
}

export interface Grid {
  /** Unix ms of the first grid point. */
  start: number;
  stepMs: number;
  /** Number of grid points. */
  length: number;
  /** One row per input series, NaN where missing. */
  rows: Float64Array[];
}

const COUNTER = /(_total|_count|_sum|_bucket)$/;

export function medianInterval(ts: ArrayLike<number>): number {
  if (ts.length < 2) return 0;
  const d: number[] = [];
  for (let i = 1; i < ts.length; i++) if (ts[i] > ts[i - 1]) d.push(ts[i] - ts[i - 1]);
  if (!d.length) return 0;
  d.sort((a, b) => a - b);
  return d[d.length >> 1];
}

/** Per-second rate of a counter, placed at the later sample; a drop is a reset (the new value is the increase). */
export function counterToRate(ts: ArrayLike<number>, vs: ArrayLike<number>): { ts: number[]; vs: number[] } {
  const ot: number[] = [];
  const ov: number[] = [];
  for (let i = 1; i < ts.length; i++) {
    const dt = (ts[i] - ts[i - 1]) / 1000;
    if (dt <= 0) continue;
    const inc = vs[i] >= vs[i - 1] ? vs[i] - vs[i - 1] : vs[i];
    ot.push(ts[i]);
    ov.push(inc / dt);
  }
  return { ts: ot, vs: ov };
}

const NICE_S = [1, 2, 5, 10, 15, 20, 30, 60, 120, 180, 300, 600, 900, 1800, 3600];

/** Scrape jitter makes the median interval 60.058 s; snap it to the usual intervals (within 10%). */
export function niceStep(ms: number): number {
  for (const s of NICE_S) if (Math.abs(ms - s * 1000) <= 0.1 * s * 1000) return s * 1000;
  return Math.max(1000, Math.round(ms / 1000) * 1000);
}

export function alignSeries(series: Series[], opts: AlignOptions = {}): Grid {
  const isCounter = opts.isCounter ?? ((m: string) => COUNTER.test(m));
  const maxGap = opts.maxGapSteps ?? 3;
  const prepared = series.map((s) => (isCounter(s.metric) ? counterToRate(s.timestamps, s.values) : { ts: s.timestamps, vs: s.values }));
  let stepMs = (opts.stepSeconds ?? 0) * 1000;
  if (!stepMs) {
    for (const p of prepared) stepMs = Math.max(stepMs, medianInterval(p.ts));
    stepMs = stepMs ? niceStep(stepMs) : 60_000;
  }
  let lo = Infinity;
  let hi = -Infinity;
  for (const p of prepared)
    if (p.ts.length) {
      lo = Math.min(lo, p.ts[0]);
      hi = Math.max(hi, p.ts[p.ts.length - 1]);
    }
  if (!Number.isFinite(lo)) return { start: 0, stepMs, length: 0, rows: series.map(() => new Float64Array(0)) };
  const start = Math.floor(lo / stepMs) * stepMs;
  const length = Math.round((hi - start) / stepMs) + 1;
  const rows = prepared.map((p) => {
    const sum = new Float64Array(length);
    const cnt = new Uint32Array(length);
    for (let i = 0; i < p.ts.length; i++) {
      const v = p.vs[i];
      if (!Number.isFinite(v)) continue;
      const b = Math.round((p.ts[i] - start) / stepMs);
      if (b < 0 || b >= length) continue;
      sum[b] += v;
      cnt[b]++;
    }
    const row = new Float64Array(length).fill(NaN);
    let last = -1;
    for (let b = 0; b < length; b++) {
      if (!cnt[b]) continue;
      row[b] = sum[b] / cnt[b];
      // Interpolate the hole since the previous bin when it is short (a missed scrape or two).
      if (last >= 0 && b - last > 1 && b - last - 1 <= maxGap) {
        for (let k = last + 1; k < b; k++) row[k] = row[last] + ((row[b] - row[last]) * (k - last)) / (b - last);
      }
      last = b;
    }
    return row;
  });
  return { start, stepMs, length, rows };
}
