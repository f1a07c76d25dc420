// Deterministic synthetic series for the detector tests.

/** Mulberry32: small seeded PRNG. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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
