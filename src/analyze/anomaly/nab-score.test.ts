import { describe, it, expect } from 'vitest';
import { nabScore, NAB_PROFILES, probationaryLength, scaledSigmoid, type NabFile } from './nab-score.js';

// 20 rows, timestamps 0..19; probation = floor(0.15·20) = 3 rows; one window rows 10..14 (width 5).
function file(detect: number[], windows: Array<[number, number]> = [[10, 14]], n = 20): NabFile & { scores: number[] } {
  const scores = new Array(n).fill(0);
  for (const i of detect) scores[i] = 1;
  return { name: 'f', timestamps: Array.from({ length: n }, (_, i) => i), scores, windows };
}

describe('NAB scoring', () => {
  it('scaled sigmoid matches the published values', () => {
    expect(scaledSigmoid(-1)).toBeCloseTo(0.98661, 5);
    expect(scaledSigmoid(-0.5)).toBeCloseTo(0.84828, 5);
    expect(scaledSigmoid(0)).toBe(0);
    expect(scaledSigmoid(1)).toBeCloseTo(-0.98661, 5);
    expect(scaledSigmoid(3)).toBe(-1);
  });

  it('probation is 15% of the rows, at most 750', () => {
    expect(probationaryLength(20)).toBe(3);
    expect(probationaryLength(4032)).toBe(604);
    expect(probationaryLength(15902)).toBe(750);
  });

  it('detection at the window start is perfect (100); nothing detected is 0', () => {
    const r = nabScore([file([10])], NAB_PROFILES.standard);
    expect(r.raw).toBeCloseTo(1, 10);
    expect(r.null).toBe(-1);
    expect(r.score).toBeCloseTo(100, 8);
    // Only an FP: the best threshold detects nothing, which is the null score.
    const fpOnly = nabScore([file([15], [[30, 34]], 60)], NAB_PROFILES.standard);
    expect(fpOnly.score).toBe(0);
    expect(fpOnly.threshold).toBe(1.1);
  });

  it('a later detection earns the scaled sigmoid of its relative position; only the earliest counts', () => {
    // Row 12: position −(14−12+1)/5 = −0.6 → 0.917429 (weighted by 1/maxTP).
    const r = nabScore([file([12, 13, 14])], NAB_PROFILES.standard);
    expect(r.raw).toBeCloseTo(0.9174287, 6);
    expect(r.tp).toBe(1);
    expect(r.fp).toBe(0);
  });

  it('false positives: full fpWeight before any window, sigmoid of distance after one; probation ignored', () => {
    // Row 5 (before the window): −0.11; row 16: position |14−16|/(5−1) = 0.5 → −0.848283·0.11.
    // Row 1 is in the probationary period and costs nothing. The optimal threshold keeps them all
    // because the window detection is worth more than both penalties.
    const r = nabScore([file([1, 5, 10, 16])], NAB_PROFILES.standard);
    expect(r.raw).toBeCloseTo(1 - 0.11 - 0.0933112, 6);
    expect(r.fp).toBe(2);
    const lowFp = nabScore([file([1, 5, 10, 16])], NAB_PROFILES.reward_low_FP_rate);
    expect(lowFp.raw).toBeCloseTo(1 - 0.22 - 0.1866224, 6);
  });

  it('the threshold is optimised jointly over files; missed windows cost fnWeight', () => {
    // 60 rows, window 30..34. File A: a window hit at score 0.9; file B: an FP at 0.95 and a miss.
    // (Threshold 0 would detect every row: far too many FPs.)
    const a = file([], [[30, 34]], 60);
    a.scores[30] = 0.9;
    const b = file([], [[30, 34]], 60);
    b.scores[20] = 0.95;
    const r = nabScore([a, b], NAB_PROFILES.reward_low_FN_rate);
    // Threshold 0.9 detects both: 1 (A) − 0.11 (B's FP) − 2 (B missed) = −1.11; null = −4.
    expect(r.threshold).toBe(0.9);
    expect(r.raw).toBeCloseTo(-1.11, 10);
    expect(r.score).toBeCloseTo((100 * (-1.11 + 4)) / (2 + 4), 8);
    expect(r.fn).toBe(1);
  });

  it('rejects windows whose bounds are not timestamps of the file', () => {
    expect(() => nabScore([file([], [[10.5, 14]])], NAB_PROFILES.standard)).toThrow(/window 0/);
  });
});
