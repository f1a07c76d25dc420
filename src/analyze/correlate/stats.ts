// Small numerical helpers: normal tail, Fisher z tests, binomial tail, Benjamini–Hochberg.

/** Upper tail of the standard normal, P(Z > z); accurate to ~1e-7 relative far into the tail. */
export function normSf(z: number): number {
  if (z < 0) return 1 - normSf(-z);
  // erfc via the Numerical Recipes Chebyshev fit (fractional error < 1.2e-7 everywhere).
  const x = z / Math.SQRT2;
  const t = 1 / (1 + 0.5 * x);
  const r =
    t *
    Math.exp(
      -x * x -
        1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return r / 2;
}

/** Two-sided p of a correlation r from `n` effective samples (Fisher z). `varFactor` 1.06 for Spearman. */
export function fisherP(r: number, n: number, varFactor = 1): number {
  if (n <= 3) return 1;
  const a = Math.min(Math.abs(r), 0.9999999);
  const z = Math.atanh(a) * Math.sqrt((n - 3) / varFactor);
  return Math.min(1, 2 * normSf(z));
}

/** Šidák correction: the p of the best of `k` looks (lags), each at p. Stable for tiny p. */
export function sidak(p: number, k: number): number {
  if (k <= 1) return p;
  return p < 1e-8 ? Math.min(1, p * k) : 1 - Math.pow(1 - p, k);
}

/** ln Γ(x), Lanczos (g=7, n=9); good to ~1e-13 for x > 0. */
export function lnGamma(x: number): number {
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  x -= 1;
  let a = c[0];
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

/** P(X >= k) for X ~ Binomial(n, p), summed in log space. */
export function binomSf(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  const lc = (i: number) => lnGamma(n + 1) - lnGamma(i + 1) - lnGamma(n - i + 1) + i * Math.log(p) + (n - i) * Math.log1p(-p);
  let s = 0;
  for (let i = k; i <= n; i++) {
    const term = Math.exp(lc(i));
    s += term;
    if (term < s * 1e-15 && i > n * p) break;
  }
  return Math.min(1, s);
}

export interface BhResult {
  /** Adjusted p-values (q), same order as the input. */
  q: Float64Array;
  /** Number of rejections at `alpha`. */
  discoveries: number;
  /** Largest p accepted (0 when none): the data-driven threshold that BH ends up using. */
  thresholdP: number;
  /** The critical value of the last rejection, k·alpha/m. */
  critical: number;
}

/**
 * Benjamini–Hochberg over `m` hypotheses of which only `p` are listed: the rest count in m with p = 1
 * (pairs pruned before testing), which can only make the procedure more conservative.
 */
export function benjaminiHochberg(p: ArrayLike<number>, alpha: number, m: number = p.length): BhResult {
  const n = p.length;
  m = Math.max(m, n);
  const idx = Array.from({ length: n }, (_, i) => i).sort((a, b) => p[a] - p[b]);
  const q = new Float64Array(n);
  let k = 0;
  for (let r = 0; r < n; r++) if (p[idx[r]] <= ((r + 1) * alpha) / m) k = r + 1;
  let run = 1;
  for (let r = n - 1; r >= 0; r--) {
    run = Math.min(run, (p[idx[r]] * m) / (r + 1));
    q[idx[r]] = Math.min(1, run);
  }
  return { q, discoveries: k, thresholdP: k ? p[idx[k - 1]] : 0, critical: k ? (k * alpha) / m : alpha / m };
}
