// Exact lagged cross-correlation of one candidate pair over the whole lag window, its significance
// (Fisher z with Bartlett's effective sample size, Šidák over the lags looked at) and its direction.
import { fisherP, sidak } from './stats.js';
import { effectiveN, type Whitened } from './whiten.js';

export interface PairStat {
  i: number;
  j: number;
  /** Lag in grid steps of the peak: positive when series i leads series j. */
  lag: number;
  /** Signed correlation at the peak. */
  r: number;
  /** Overlapping samples at the peak, and the effective number after autocorrelation. */
  n: number;
  nEff: number;
  /** p of the peak, corrected for the number of lags looked at. */
  p: number;
  /** The lag peak stands out from every lag of the other sign (and 0) by more than `dirZ`. */
  directed: boolean;
  /** z of (peak − best lag on the other side); 0 when the peak is at lag 0. */
  dirZ: number;
  /** Correlation at the same lag of the other sign or 0, the runner-up the direction was tested against. */
  rOther: number;
}

export interface RefineOptions {
  maxLag: number;
  /** 1.06 for ranks (Spearman), 1 for Pearson. */
  varFactor: number;
  /** z needed for a direction. Default 3. */
  dirZ?: number;
}

/** r(x_i(t), x_j(t+k)) and the overlap count. */
export function ccfAt(a: Whitened, b: Whitened, k: number): { r: number; n: number } {
  const T = a.z.length;
  const t0 = Math.max(0, -k);
  const t1 = Math.min(T, T - k);
  const x = a.z;
  const y = b.z;
  if (!a.hasGaps && !b.hasGaps) {
    // Contiguous valid ranges: the overlap is an interval, and z is 0 outside it anyway.
    // Four accumulators: one running sum is bound by add latency, four keep the FPU busy.
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    let t = t0;
    for (; t + 3 < t1; t += 4) {
      s0 += x[t] * y[t + k];
      s1 += x[t + 1] * y[t + 1 + k];
      s2 += x[t + 2] * y[t + 2 + k];
      s3 += x[t + 3] * y[t + 3 + k];
    }
    for (; t < t1; t++) s0 += x[t] * y[t + k];
    const s = s0 + s1 + s2 + s3;
    const n = Math.max(0, Math.min(t1 - 1, a.last, b.last - k) - Math.max(t0, a.first, b.first - k) + 1);
    return { r: n > 0 ? s / n : 0, n };
  }
  let s = 0;
  let sx = 0;
  let sy = 0;
  let n = 0;
  const va = a.valid;
  const vb = b.valid;
  for (let t = t0; t < t1; t++) {
    if (!(va[t] & vb[t + k])) continue;
    const p = x[t];
    const q = y[t + k];
    s += p * q;
    sx += p * p;
    sy += q * q;
    n++;
  }
  return { r: sx > 0 && sy > 0 ? s / Math.sqrt(sx * sy) : 0, n };
}

/**
 * All lags −L..L at once for series without gaps: four lags per pass over time, the y values
 * rotated through registers, so each step loads 2 values for 4 multiply-adds instead of 8.
 */
export function ccfAllNoGaps(a: Whitened, b: Whitened, L: number, rs: Float64Array, ns: Float64Array): void {
  const x = a.z;
  const y = b.z;
  const T = x.length;
  for (let k0 = -L; k0 <= L; k0 += 4) {
    const kMax = Math.min(L, k0 + 3);
    // Common t range for a full group of four lags (lags past L are computed and dropped).
    const t0 = Math.max(0, -k0);
    const t1 = Math.min(T, T - (k0 + 3));
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    if (t1 > t0) {
      let y0 = y[t0 + k0], y1 = y[t0 + k0 + 1], y2 = y[t0 + k0 + 2];
      for (let t = t0; t < t1; t++) {
        const xt = x[t];
        const y3 = y[t + k0 + 3];
        s0 += xt * y0;
        s1 += xt * y1;
        s2 += xt * y2;
        s3 += xt * y3;
        y0 = y1;
        y1 = y2;
        y2 = y3;
      }
    }
    const sums = [s0, s1, s2, s3];
    for (let k = k0; k <= kMax; k++) {
      // the edges of the range that the group's common t-range left out
      let s = sums[k - k0];
      const e0 = Math.max(0, -k);
      const e1 = Math.min(T, T - k);
      const c0 = t1 > t0 ? t0 : e1; // when the common range is empty, everything is an edge
      const c1 = t1 > t0 ? t1 : e1;
      for (let t = e0; t < Math.min(c0, e1); t++) s += x[t] * y[t + k];
      for (let t = Math.max(c1, e0); t < e1; t++) s += x[t] * y[t + k];
      const n = Math.max(0, Math.min(e1 - 1, a.last, b.last - k) - Math.max(e0, a.first, b.first - k) + 1);
      rs[k + L] = n > 0 ? s / n : 0;
      ns[k + L] = n;
    }
  }
}

export function refinePair(W: Whitened[], i: number, j: number, o: RefineOptions): PairStat {
  const L = o.maxLag;
  const rs = new Float64Array(2 * L + 1);
  const ns = new Float64Array(2 * L + 1);
  const fast = !W[i].hasGaps && !W[j].hasGaps;
  if (fast) ccfAllNoGaps(W[i], W[j], L, rs, ns);
  let best = L;
  for (let k = -L; k <= L; k++) {
    if (!fast) {
      const c = ccfAt(W[i], W[j], k);
      rs[k + L] = c.r;
      ns[k + L] = c.n;
    }
    const r = rs[k + L];
    if (Math.abs(r) > Math.abs(rs[best]) || (Math.abs(r) === Math.abs(rs[best]) && Math.abs(k) < Math.abs(best - L))) best = k + L;
  }
  const lag = best - L;
  const r = rs[best];
  const n = ns[best];
  const nEff = effectiveN(n, W[i].acf, W[j].acf);
  const p = sidak(fisherP(r, nEff, o.varFactor), 2 * L + 1);
  let rOther = 0;
  let dirZ = 0;
  if (lag !== 0) {
    for (let k = -L; k <= L; k++) if (Math.sign(k) !== Math.sign(lag) && Math.abs(rs[k + L]) > Math.abs(rOther)) rOther = rs[k + L];
    dirZ = (Math.atanh(Math.min(Math.abs(r), 0.9999999)) - Math.atanh(Math.min(Math.abs(rOther), 0.9999999))) * Math.sqrt(Math.max(1, nEff - 3) / (2 * o.varFactor));
  }
  return { i, j, lag, r, n, nEff, p, directed: lag !== 0 && dirZ > (o.dirZ ?? 3), dirZ, rOther };
}
