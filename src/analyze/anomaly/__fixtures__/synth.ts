// Deterministic synthetic series for the detector tests.

/** Mulberry32: small seeded PRNG. */
export { mulberry32 as rng } from '../../random.js';

/** Standard normal via Box–Muller. */
export function gauss(r: () => number): number {
  return Math.sqrt(-2 * Math.log(r() + 1e-12)) * Math.cos(2 * Math.PI * r());
}

export const T0 = Date.UTC(2024, 0, 1); // a Monday
export const MIN5 = 300_000;
export const HOUR = 3_600_000;

export function series(n: number, stepMs: number, f: (i: number, t: number) => number): { ts: Float64Array; vs: Float64Array } {
  const ts = new Float64Array(n);
  const vs = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    ts[i] = T0 + i * stepMs;
    vs[i] = f(i, ts[i]);
  }
  return { ts, vs };
}

/** Poisson count (Knuth; fine for the small rates of count metrics). */
export function poisson(r: () => number, lambda: number): number {
  const l = Math.exp(-lambda);
  let k = 0;
  let p = r();
  while (p > l) {
    k++;
    p *= r();
  }
  return k;
}
