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

  it('forgets with a decay factor', () => {
    const c = new TailCalibrator(0.99, 0);
    for (let i = 0; i < 1000; i++) c.add(10);
    for (let i = 0; i < 1000; i++) c.add(1);
    expect(c.count).toBeLessThan(101);
    expect(c.tail(5)).toBeLessThan(0.01); // the old large values are forgotten
  });
});
