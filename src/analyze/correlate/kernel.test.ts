import { describe, it, expect } from 'vitest';
import { buildLevel } from './screen.js';
import { screenTile, triangleTiles } from './kernel.js';
import { gaussian, mulberry32 } from '../random.js';

describe('screen kernel', () => {
  it('matches a naive lagged correlation on every pair, any tiling', () => {
    const g = gaussian(mulberry32(7));
    const N = 9; // odd: exercises the padding row
    const T = 50;
    const z = Array.from({ length: N }, () => Float64Array.from({ length: T }, g));
    const lvl = buildLevel(z, T, 1, false);
    const row = (i: number) => lvl.data.subarray(i * T, i * T + T);
    const naive = (i: number, j: number) => {
      let best = 0;
      for (const k of [-1, 0, 1]) {
        let s = 0;
        for (let t = Math.max(0, -k); t < Math.min(T, T - k); t++) s += row(i)[t] * row(j)[t + k];
        best = Math.max(best, Math.abs(s));
      }
      return Math.atanh(best) * Math.sqrt(T - 3);
    };
    const lag0 = { ...lvl, lags: false };
    const stat0 = new Float32Array(N * N);
    for (const t of triangleTiles(12, 4)) screenTile([lag0], t, stat0, N);
    for (let i = 0; i < N; i++)
      for (let j = i + 1; j < N; j++) {
        let s = 0;
        for (let t = 0; t < T; t++) s += row(i)[t] * row(j)[t];
        expect(stat0[i * N + j]).toBeCloseTo(Math.atanh(Math.abs(s)) * Math.sqrt(T - 3), 4);
      }
    for (const size of [4, 8, 64]) {
      const stat = new Float32Array(N * N);
      for (const t of triangleTiles(12, size)) screenTile([lvl], t, stat, N);
      for (let i = 0; i < N; i++)
        for (let j = i + 1; j < N; j++) expect(stat[i * N + j]).toBeCloseTo(naive(i, j), 4);
    }
  });
});

describe('shared-memory packing for the workers', () => {
  it('round-trips whitened series and gives the same lag scan', async () => {
    const { packWhitened, unpackWhitened } = await import('./parallel.js');
    const { whiten } = await import('./whiten.js');
    const { refinePair } = await import('./refine.js');
    const g = gaussian(mulberry32(3));
    const base = Float64Array.from({ length: 300 }, g);
    const rows = [base, base.map((v, t) => base[Math.max(0, t - 2)] + 0.5 * g()), Float64Array.from({ length: 300 }, (_, t) => (t > 100 && t < 120 ? NaN : g()))];
    const W = rows.map((r) => whiten(r, { stepMs: 60_000 }));
    const U = unpackWhitened(packWhitened(W));
    expect(U[2].hasGaps).toBe(true);
    for (const [i, j] of [[0, 1], [0, 2], [1, 2]]) expect(refinePair(U, i, j, { maxLag: 5, varFactor: 1 })).toEqual(refinePair(W, i, j, { maxLag: 5, varFactor: 1 }));
  });
});
