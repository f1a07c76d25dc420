import { describe, it, expect } from 'vitest';
import { partialFromCorr } from './prune.js';
import { correlateSeries } from './correlate.js';
import { ar1, rng, series } from './__fixtures__/synth.js';

describe('indirect-edge pruning', () => {
  it('partial correlation from a correlation matrix matches the first-order formula', () => {
    const [rab, ram, rbm] = [0.5, 0.6, 0.7];
    const expected = (rab - ram * rbm) / Math.sqrt((1 - ram ** 2) * (1 - rbm ** 2));
    expect(partialFromCorr([[1, rab, ram], [rab, 1, rbm], [ram, rbm, 1]])).toBeCloseTo(expected, 12);
    expect(partialFromCorr([[1, 0.3], [0.3, 1]])).toBeCloseTo(0.3, 12);
  });

  it('siblings of one upstream are not linked to each other (kept without pruning)', async () => {
    const { g } = rng(12);
    const n = 1200;
    const up = ar1(g, n);
    const kid = (lag: number) => Float64Array.from({ length: n }, (_, t) => up[Math.max(0, t - lag)] + 0.6 * g());
    const s = [series('up', up), series('a', kid(1)), series('b', kid(3))];
    const names = (r: { relations: Array<{ from: string; to: string }> }) => r.relations.map((x) => `${x.from.split('/')[3]}>${x.to.split('/')[3]}`).sort();
    expect(names(await correlateSeries(s, { threads: 1 }))).toEqual(['up>a', 'up>b']);
    expect(names(await correlateSeries(s, { threads: 1, prune: false }))).toContain('a>b');
  });
});
