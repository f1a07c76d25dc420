import { describe, it, expect } from 'vitest';
import { lshPairs, namespacePairs, pairKey, pairOf } from './candidates.js';
import { gaussian, mulberry32 } from '../random.js';

describe('candidate pruning', () => {
  it('pair keys round-trip', () => {
    expect(pairOf(pairKey(7, 3))).toEqual([3, 7]);
    expect(pairOf(pairKey(123456, 999999))).toEqual([123456, 999999]);
  });
  it('namespace pairs stay inside a namespace', () => {
    const s = namespacePairs(['c/Deployment/a/x', 'c/Deployment/a/y', 'c/Deployment/b/x', 'c/StatefulSet/a/db']);
    expect([...s].map(pairOf).sort()).toEqual([[0, 1], [0, 3], [1, 3]]);
  });
  it('SimHash LSH proposes strongly correlated series and few unrelated ones', () => {
    const g = gaussian(mulberry32(11));
    const T = 480;
    const N = 200;
    const z: Float64Array[] = [];
    for (let k = 0; k < N / 2; k++) {
      const a = Float64Array.from({ length: T }, g);
      z.push(a, a.map((v) => 0.8 * v + 0.6 * g())); // pairs (2k, 2k+1) correlate at r ≈ 0.8
    }
    const c = lshPairs(z, T, { seed: 1 });
    let hit = 0;
    for (let k = 0; k < N / 2; k++) if (c.has(pairKey(2 * k, 2 * k + 1))) hit++;
    expect(hit / (N / 2)).toBeGreaterThan(0.8);
    expect(c.size - hit).toBeLessThan(0.015 * ((N * (N - 1)) / 2));
  });
});
