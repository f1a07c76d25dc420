import { describe, it, expect } from 'vitest';
import { partialFromCorr, pruneIndirect } from './prune.js';
import type { PairStat } from './refine.js';
import { ccfAt } from './refine.js';
import type { Whitened } from './whiten.js';
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

  it('decides per CI pair: a CI pair explained away through one metric does not survive through another', () => {
    // Chain A → M → B; B exposes two metrics, the second a noisy copy of the first, and that noisy one
    // is not significantly linked to M (so, series by series, A–B2 sits in no triangle).
    const { g } = rng(7);
    const n = 1440;
    const white = (f: (t: number) => number) => Float64Array.from({ length: n }, (_, t) => f(t));
    const a = white(() => g());
    const m = white((t) => a[t] + 0.5 * g());
    const b1 = white((t) => m[t] + 0.5 * g());
    const b2 = white((t) => b1[t] + 1.5 * g());
    const W = [a, m, b1, b2].map((z) => {
      let mu = 0;
      for (const v of z) mu += v / n;
      let sd = 0;
      for (const v of z) sd += (v - mu) ** 2 / n;
      return { z: z.map((v) => (v - mu) / Math.sqrt(sd)), hasGaps: false, first: 0, last: n - 1 } as unknown as Whitened;
    });
    const ci = ['A', 'M', 'B', 'B'];
    const pair = (i: number, j: number): PairStat => {
      const r = ccfAt(W[i], W[j], 0).r;
      return { i, j, lag: 0, r, n, nEff: n, p: 0, directed: false, dirZ: 0, rOther: 0 };
    };
    const pairs = [pair(0, 1), pair(1, 2), pair(0, 2), pair(0, 3)];
    const names = (ps: PairStat[]) => ps.map((p) => `${ci[p.i]}${p.i}-${ci[p.j]}${p.j}`).sort();
    // Per series, A–B2 is never tested and survives: the A–B relation is reported.
    expect(names(pruneIndirect(pairs, W, (i) => ci[i], { ciLevel: false }).kept)).toContain('A0-B3');
    // Per CI pair (default): A–B is explained by M through B's first metric, so both A–B pairs go.
    const { kept, dropped } = pruneIndirect(pairs, W, (i) => ci[i]);
    expect(names(kept)).toEqual(['A0-M1', 'M1-B2']);
    expect(dropped.map((d) => ci[d.via!])).toEqual(['M', 'M']);
  });
});
