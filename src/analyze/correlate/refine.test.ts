import { describe, it, expect } from 'vitest';
import { ccfAllNoGaps, ccfAt } from './refine.js';
import { whiten } from './whiten.js';
import { gaussian, mulberry32 } from '../random.js';

describe('lagged cross-correlation', () => {
  it('the four-lags-per-pass scan equals the one-lag-at-a-time one, including short series', () => {
    const g = gaussian(mulberry32(5));
    for (const T of [12, 50, 301]) {
      const a = whiten(Float64Array.from({ length: T }, g), { stepMs: 60_000 });
      const b = whiten(Float64Array.from({ length: T }, g), { stepMs: 60_000 });
      for (const L of [0, 1, 3, 5, 10]) {
        if (L >= T) continue;
        const rs = new Float64Array(2 * L + 1);
        const ns = new Float64Array(2 * L + 1);
        ccfAllNoGaps(a, b, L, rs, ns);
        for (let k = -L; k <= L; k++) {
          const c = ccfAt(a, b, k);
          expect(rs[k + L]).toBeCloseTo(c.r, 12);
          expect(ns[k + L]).toBe(c.n);
        }
      }
    }
  });
});
