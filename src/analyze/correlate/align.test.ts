import { describe, it, expect } from 'vitest';
import { alignSeries, counterToRate } from './align.js';
import type { Series } from '../../model/telemetry.js';

const s = (metric: string, ts: number[], vs: number[]): Series => ({ ci: 'c/Deployment/ns/a', metric, labels: {}, timestamps: ts, values: vs });

describe('alignSeries', () => {
  it('puts a 15 s and a 60 s series on the coarser grid, averaging the finer one', () => {
    const fine = s('a', [0, 15, 30, 45, 60, 75, 90, 105].map((x) => x * 1000), [1, 2, 3, 4, 5, 6, 7, 8]);
    const coarse = s('b', [0, 60, 120].map((x) => x * 1000), [10, 20, 30]);
    const g = alignSeries([fine, coarse]);
    expect(g.stepMs).toBe(60_000);
    expect(g.length).toBe(3);
    // bins are centred on grid points: 0 gets 0 and 15 s; 60 gets 30..75 s; 120 gets 90, 105 s
    expect(Array.from(g.rows[0])).toEqual([1.5, 4.5, 7.5]);
    expect(Array.from(g.rows[1])).toEqual([10, 20, 30]);
  });
  it('interpolates short gaps and leaves long ones missing', () => {
    const ts = [0, 1, 2, 5, 6, 12, 13].map((m) => m * 60_000);
    const g = alignSeries([s('a', ts, [0, 1, 2, 5, 6, 12, 13])], { maxGapSteps: 3 });
    const row = Array.from(g.rows[0]);
    expect(row.slice(0, 7)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(row.slice(7, 12).every(Number.isNaN)).toBe(true);
    expect(row.slice(12)).toEqual([12, 13]);
  });
  it('turns counters into rates, resets included', () => {
    const r = counterToRate([0, 10_000, 20_000, 30_000], [100, 200, 50, 150]);
    expect(r.vs).toEqual([10, 5, 10]);
    const g = alignSeries([s('http_requests_total', [0, 60_000, 120_000], [0, 600, 1200])]);
    expect(g.start).toBe(60_000);
    expect(Array.from(g.rows[0])).toEqual([10, 10]);
  });
});
