// Small synthetic series for the statistical tests (seeded, so every run sees the same data).
import type { Series } from '../../../model/telemetry.js';
import { gaussian, mulberry32 } from '../../random.js';

export const T0 = Date.UTC(2026, 10, 1);

export function rng(seed: number) {
  const u = mulberry32(seed);
  return { u, g: gaussian(u) };
}

/** AR(1) path. */
export function ar1(g: () => number, n: number, phi = 0.9, sigma = 1): Float64Array {
  const x = new Float64Array(n);
  let v = 0;
  for (let t = 0; t < n; t++) x[t] = v = phi * v + sigma * g();
  return x;
}

export function series(ci: string, values: ArrayLike<number>, stepS = 60, metric = 'load', start = T0): Series {
  return { ci: `c/Deployment/ns/${ci}`, metric, labels: {}, timestamps: Float64Array.from(values, (_, t) => start + t * stepS * 1000), values: Float64Array.from(values) };
}

/** Daily profile value at grid point t of a 1-min grid. */
export const daily = (t: number) => 100 * (1 + 0.7 * Math.sin((2 * Math.PI * t) / 1440));
