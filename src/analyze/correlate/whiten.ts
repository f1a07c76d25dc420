// Removes what many series share without being related — seasonality, trends, their own memory —
// so that what is left (the innovations) only correlates when the series really move together.
// Steps: seasonal profile removal (daily/weekly, when the data cover two cycles) → first difference
// (kills trends and slow shapes) → AR(p) prewhitening (Box–Jenkins) → optional ranks → standardise.

export type Method = 'pearson' | 'spearman';

export interface WhitenOptions {
  /** Grid step in ms (to know how many points a day or a week has). */
  stepMs: number;
  /** Seasonal periods to remove, in seconds; each only when the series covers ≥ 2 cycles. Default: day, week. */
  periodsSeconds?: number[];
  /** AR order of the prewhitening filter. Default 2. */
  arOrder?: number;
  method?: Method;
  /** Autocorrelation lags kept for the effective-sample-size correction. Default 10. */
  acfLags?: number;
  /** Centred moving-average width applied to the innovations (1 = none). */
  smooth?: number;
}

export interface Whitened {
  /** Standardised innovations: mean 0, variance 1 over valid points, 0 where missing. */
  z: Float64Array;
  /** 1 where valid. */
  valid: Uint8Array;
  nValid: number;
  hasGaps: boolean;
  /** First and last valid index (without gaps every point in between is valid). */
  first: number;
  last: number;
  /** Autocorrelation of `z` at lags 1..K (for Bartlett's effective sample size). */
  acf: Float64Array;
  /** True when nothing is left to correlate (constant or too short). */
  degenerate: boolean;
}

/** Subtracts the per-slot median profile of period `p` points, smoothed over ±`smooth` slots. */
export function removeSeasonal(x: Float64Array, p: number, smooth = 2): Float64Array {
  const n = x.length;
  let first = -1;
  let last = -1;
  for (let i = 0; i < n; i++)
    if (!Number.isNaN(x[i])) {
      if (first < 0) first = i;
      last = i;
    }
  if (first < 0 || last - first + 1 < 2 * p) return x;
  const prof = new Float64Array(p).fill(NaN);
  const buf: number[] = [];
  for (let s = 0; s < p; s++) {
    buf.length = 0;
    for (let i = s; i < n; i += p) if (!Number.isNaN(x[i])) buf.push(x[i]);
    if (buf.length) {
      buf.sort((a, b) => a - b);
      const m = buf.length >> 1;
      prof[s] = buf.length % 2 ? buf[m] : (buf[m - 1] + buf[m]) / 2;
    }
  }
  const sm = new Float64Array(p);
  for (let s = 0; s < p; s++) {
    let a = 0;
    let c = 0;
    for (let k = -smooth; k <= smooth; k++) {
      const v = prof[(s + k + p) % p];
      if (!Number.isNaN(v)) (a += v), c++;
    }
    sm[s] = c ? a / c : 0;
  }
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = x[i] - sm[i % p];
  return out;
}

export function difference(x: Float64Array): Float64Array {
  const out = new Float64Array(x.length).fill(NaN);
  for (let i = 1; i < x.length; i++) out[i] = x[i] - x[i - 1];
  return out;
}

/** Autocorrelation at lags 1..k over pairs of valid points. */
export function acf(x: Float64Array, k: number): Float64Array {
  let s = 0;
  let c = 0;
  for (const v of x) if (!Number.isNaN(v)) (s += v), c++;
  const mean = c ? s / c : 0;
  let v0 = 0;
  for (const v of x) if (!Number.isNaN(v)) v0 += (v - mean) ** 2;
  const out = new Float64Array(k);
  if (!v0) return out;
  for (let l = 1; l <= k; l++) {
    let a = 0;
    for (let i = l; i < x.length; i++) {
      const p = x[i] - mean;
      const q = x[i - l] - mean;
      if (!Number.isNaN(p) && !Number.isNaN(q)) a += p * q;
    }
    out[l - 1] = a / v0;
  }
  return out;
}

/** AR(p) coefficients by Levinson–Durbin from the autocorrelations. */
export function yuleWalker(r: Float64Array, p: number): Float64Array {
  const phi = new Float64Array(p);
  if (p === 0) return phi;
  let err = 1;
  const prev = new Float64Array(p);
  for (let k = 0; k < p; k++) {
    let acc = r[k];
    for (let j = 0; j < k; j++) acc -= prev[j] * r[k - j - 1];
    const kappa = acc / err;
    if (!Number.isFinite(kappa) || Math.abs(kappa) >= 1) break;
    phi[k] = kappa;
    for (let j = 0; j < k; j++) phi[j] = prev[j] - kappa * prev[k - j - 1];
    err *= 1 - kappa * kappa;
    prev.set(phi);
  }
  return phi;
}

export function arResidual(x: Float64Array, phi: Float64Array): Float64Array {
  const p = phi.length;
  let s = 0;
  let c = 0;
  for (const v of x) if (!Number.isNaN(v)) (s += v), c++;
  const mean = c ? s / c : 0;
  const out = new Float64Array(x.length).fill(NaN);
  for (let i = p; i < x.length; i++) {
    let e = x[i] - mean;
    for (let k = 0; k < p; k++) e -= phi[k] * (x[i - k - 1] - mean);
    out[i] = e; // NaN propagates when any input is missing
  }
  return out;
}

/** Centred moving average over valid points (NaN when the window holds none). */
export function movingAverage(x: Float64Array, w: number): Float64Array {
  const h = Math.floor(w / 2);
  const out = new Float64Array(x.length).fill(NaN);
  for (let i = 0; i < x.length; i++) {
    if (Number.isNaN(x[i])) continue;
    let s = 0;
    let c = 0;
    for (let k = Math.max(0, i - h); k <= Math.min(x.length - 1, i + h); k++) if (!Number.isNaN(x[k])) (s += x[k]), c++;
    out[i] = s / c;
  }
  return out;
}

/** Ranks (average for ties, 0-based) of the valid values; NaN stays NaN. */
export function rankTransform(x: Float64Array): Float64Array {
  // Native numeric sort of a copy plus binary search is ~10× faster than sorting indices with a comparator.
  let c = 0;
  for (let i = 0; i < x.length; i++) if (!Number.isNaN(x[i])) c++;
  const sorted = new Float64Array(c);
  c = 0;
  for (let i = 0; i < x.length; i++) if (!Number.isNaN(x[i])) sorted[c++] = x[i];
  sorted.sort();
  const out = new Float64Array(x.length).fill(NaN);
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (Number.isNaN(v)) continue;
    let lo = 0;
    let hi = c;
    while (lo < hi) {
      const m = (lo + hi) >> 1;
      if (sorted[m] < v) lo = m + 1;
      else hi = m;
    }
    let e = lo;
    while (e + 1 < c && sorted[e + 1] === v) e++;
    out[i] = (lo + e) / 2;
  }
  return out;
}

export function whiten(row: Float64Array, opts: WhitenOptions): Whitened {
  const periods = opts.periodsSeconds ?? [7 * 86400, 86400];
  const p = opts.arOrder ?? 2;
  const K = opts.acfLags ?? 10;
  let x = row;
  for (const ps of periods) {
    const pts = Math.round((ps * 1000) / opts.stepMs);
    if (pts >= 4) x = removeSeasonal(x, pts);
  }
  x = difference(x);
  x = arResidual(x, yuleWalker(acf(x, p), p));
  if ((opts.smooth ?? 1) > 1) x = movingAverage(x, opts.smooth!);
  if (opts.method === 'spearman') x = rankTransform(x);
  const n = x.length;
  const valid = new Uint8Array(n);
  let s = 0;
  let c = 0;
  for (let i = 0; i < n; i++)
    if (!Number.isNaN(x[i])) {
      valid[i] = 1;
      s += x[i];
      c++;
    }
  const mean = c ? s / c : 0;
  let v = 0;
  for (let i = 0; i < n; i++) if (valid[i]) v += (x[i] - mean) ** 2;
  const sd = c > 1 ? Math.sqrt(v / c) : 0;
  const z = new Float64Array(n);
  const degenerate = c < 8 || !(sd > 1e-12 * (Math.abs(mean) + 1));
  if (!degenerate) for (let i = 0; i < n; i++) if (valid[i]) z[i] = (x[i] - mean) / sd;
  // Series start with p+1 invalid points from differencing and the filter; that is not a gap.
  let first = -1;
  let last = -1;
  for (let i = 0; i < n; i++) if (valid[i]) (first < 0 && (first = i), (last = i));
  let hasGaps = false;
  for (let i = first; i >= 0 && i <= last; i++) if (!valid[i]) hasGaps = true;
  return { z, valid, nValid: c, hasGaps, first, last, acf: degenerate ? new Float64Array(K) : acf(z.map((q, i) => (valid[i] ? q : NaN)), K), degenerate };
}

/** Bartlett: n / (1 + 2 Σ ρx(k) ρy(k)), clamped to [4, n]. */
export function effectiveN(n: number, ax: Float64Array, ay: Float64Array): number {
  let s = 0;
  for (let k = 0; k < Math.min(ax.length, ay.length); k++) s += ax[k] * ay[k];
  return Math.max(4, Math.min(n, n / Math.max(1e-6, 1 + 2 * s)));
}
