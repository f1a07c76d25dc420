import { describe, it, expect } from 'vitest';
import { benjaminiHochberg, binomSf, fisherP, normSf, sidak } from './stats.js';

describe('stats', () => {
  it('normal tail matches known values', () => {
    expect(normSf(0)).toBeCloseTo(0.5, 7);
    expect(normSf(1.959964)).toBeCloseTo(0.025, 6);
    expect(normSf(5) / 2.866516e-7).toBeCloseTo(1, 4);
  });
  it('Fisher z p falls with n and r', () => {
    expect(fisherP(0.1, 100)).toBeGreaterThan(0.3);
    expect(fisherP(0.1, 10000)).toBeLessThan(1e-20);
    expect(fisherP(0.5, 3)).toBe(1);
  });
  it('Šidák', () => {
    expect(sidak(0.01, 1)).toBe(0.01);
    expect(sidak(0.01, 10)).toBeCloseTo(1 - 0.99 ** 10, 12);
    expect(sidak(1e-12, 21)).toBeCloseTo(21e-12, 20);
  });
  it('binomial tail', () => {
    expect(binomSf(0, 10, 0.3)).toBe(1);
    expect(binomSf(10, 10, 0.5)).toBeCloseTo(1 / 1024, 12);
    expect(binomSf(6, 10, 0.5)).toBeCloseTo(386 / 1024, 10);
  });
  it('Benjamini–Hochberg: the textbook example', () => {
    // Benjamini & Hochberg (1995), 15 p-values at q = 0.05 → 4 rejections.
    const p = [0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.324, 0.4262, 0.5719, 0.6528, 0.759, 1];
    const r = benjaminiHochberg(p, 0.05);
    expect(r.discoveries).toBe(4);
    expect(r.thresholdP).toBe(0.0095);
    expect([...r.q].filter((q) => q <= 0.05)).toHaveLength(4);
    // Pairs pruned before testing still count in m and make it stricter.
    expect(benjaminiHochberg(p, 0.05, 100).discoveries).toBe(2);
  });
});
