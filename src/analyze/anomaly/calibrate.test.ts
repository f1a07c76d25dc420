import { describe, it, expect } from 'vitest';
import { TailCalibrator } from './calibrate.js';

describe('tail calibration', () => {
  it('gives the fraction of past values at least as large', () => {
    const c = new TailCalibrator(1, 0);
    for (let i = 1; i <= 1000; i++) c.add(i / 100); // 0.01 … 10
    expect(c.tail(5)).toBeGreaterThan(0.45);
    expect(c.tail(5)).toBeLessThan(0.55);
    // True fraction 0.051; 1/8-octave bins make it approximate.
    expect(c.tail(9.5)).toBeGreaterThan(0.03);
    expect(c.tail(9.5)).toBeLessThan(0.1);
    expect(c.tail(0)).toBe(1);
  });

  it('ranks records by how far they exceed the largest value seen', () => {
    const c = new TailCalibrator(1, 0.3);
    for (let i = 0; i < 1000; i++) c.add(1 + (i % 10) / 10); // max 1.9
    const justAbove = c.tail(2.0); // within the tolerance: not a record
    const record = c.tail(4);
    const bigger = c.tail(8);
    expect(justAbove).toBeGreaterThan(1e-3);
    expect(record).toBeLessThan(5e-4);
    expect(bigger).toBeLessThan(record / 3);
  });

  it('after a constant (all-zero) history, any departure is a record', () => {
    const c = new TailCalibrator();
    for (let i = 0; i < 500; i++) c.add(0);
    expect(c.tail(1e5)).toBeLessThan(1e-10);
    expect(c.tail(0)).toBe(1);
  });

  it('a record means the same whatever the unit of the statistic (sub-unit statistics too)', () => {
    // The range component's statistic (excess beyond the all-time extreme, in SDs) is usually a
    // fraction of one. A record of it used to be compared with 1 instead of the largest value seen,
    // so a new maximum by 0.03 SD after earlier ones of 0.025 SD scored ~1000× rarer (p ≈ 1e-7
    // after 6,000 points) than the same record in units 100× larger.
    const small = new TailCalibrator(1, 0.3);
    const large = new TailCalibrator(1, 0.3);
    for (let i = 0; i < 6000; i++) {
      const z = i % 600 === 0 ? 0.01 + (i / 6000) * 0.015 : 0;
      small.add(z);
      large.add(100 * z);
    }
    expect(small.tail(0.05)).toBeCloseTo(large.tail(5), 12);
    // Still a record: rarer than 1 in the history's length.
    expect(small.tail(0.05)).toBeLessThan(1 / 6000);
    expect(small.tail(0.05)).toBeGreaterThan(1e-5);
  });

  it('forgets with a decay factor', () => {
    const c = new TailCalibrator(0.99, 0);
    for (let i = 0; i < 1000; i++) c.add(10);
    for (let i = 0; i < 1000; i++) c.add(1);
    expect(c.count).toBeLessThan(101);
    expect(c.tail(5)).toBeLessThan(0.01); // the old large values are forgotten
  });
});
