import { describe, it, expect } from 'vitest';
import { acf, difference, effectiveN, rankTransform, removeSeasonal, whiten, yuleWalker } from './whiten.js';

describe('whiten pieces', () => {
  it('ranks with ties averaged and gaps kept', () => {
    expect(Array.from(rankTransform(Float64Array.from([3, 1, NaN, 3, 2])))).toEqual([2.5, 0, NaN, 2.5, 1]);
  });
  it('removes a repeating daily profile when two cycles are present, not with one', () => {
    const p = 24;
    const x = Float64Array.from({ length: 3 * p }, (_, t) => 10 * Math.sin((2 * Math.PI * t) / p));
    const y = removeSeasonal(x, p, 0);
    expect(Math.max(...Array.from(y).map(Math.abs))).toBeLessThan(1e-9);
    expect(removeSeasonal(x.subarray(0, p + 5), p)).toEqual(x.subarray(0, p + 5));
  });
  it('differencing turns a trend into a constant; a constant series is degenerate', () => {
    expect(Array.from(difference(Float64Array.from([1, 3, 5, 7]))).slice(1)).toEqual([2, 2, 2]);
    expect(whiten(Float64Array.from({ length: 100 }, (_, t) => 5 + 2 * t), { stepMs: 60_000 }).degenerate).toBe(true);
  });
  it('Yule–Walker recovers an AR(1) coefficient', () => {
    let v = 0;
    let s = 1;
    const x = Float64Array.from({ length: 20000 }, () => {
      s = (s * 16807) % 2147483647;
      return (v = 0.7 * v + (s / 2147483647 - 0.5));
    });
    expect(yuleWalker(acf(x, 1), 1)[0]).toBeCloseTo(0.7, 1);
  });
  it('Bartlett: shared autocorrelation shrinks n, none leaves it', () => {
    expect(effectiveN(1000, new Float64Array([0]), new Float64Array([0]))).toBe(1000);
    expect(effectiveN(1000, new Float64Array([0.5]), new Float64Array([0.5]))).toBeCloseTo(1000 / 1.5, 6);
  });
});
