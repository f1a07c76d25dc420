import { describe, it, expect } from 'vitest';
import { correlateSeries } from './correlate.js';
import { refinePair } from './refine.js';
import { whiten } from './whiten.js';
import { ar1, daily, rng, series, T0 } from './__fixtures__/synth.js';
import type { Series } from '../../model/telemetry.js';

const id = (n: string) => `c/Deployment/ns/${n}`;

/** Pearson r of two equal-length arrays. */
function pearson(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  let ma = 0, mb = 0;
  for (let i = 0; i < n; i++) (ma += a[i] / n), (mb += b[i] / n);
  let sab = 0, saa = 0, sbb = 0;
  for (let i = 0; i < n; i++) (sab += (a[i] - ma) * (b[i] - mb)), (saa += (a[i] - ma) ** 2), (sbb += (b[i] - mb) ** 2);
  return sab / Math.sqrt(saa * sbb);
}

describe('correlateSeries: related pairs', () => {
  it('finds x → y with the right lag and direction', async () => {
    const { g } = rng(1);
    const n = 720;
    const x = ar1(g, n, 0.9, 1);
    const y = new Float64Array(n);
    for (let t = 0; t < n; t++) y[t] = 50 + 2 * x[Math.max(0, t - 3)] + 0.8 * g();
    const z = ar1(g, n, 0.9, 1); // unrelated
    const res = await correlateSeries([series('x', x.map((v) => 100 + v)), series('y', y), series('z', z)], { threads: 1 });
    expect(res.relations).toHaveLength(1);
    const [r] = res.relations;
    expect(r).toMatchObject({ from: id('x'), to: id('y'), type: 'connects-to', source: 'inferred' });
    expect(r.evidence).toMatchObject({ lag_seconds: 180, method: 'spearman' });
    expect(r.confidence).toBeGreaterThan(0.5);
    expect(r.confidence).toBeLessThanOrEqual(1);
    expect(res.summary.explanation).toMatch(/Benjamini–Hochberg at FDR 0.05 over m=3 pairs/);
  });

  it('leaves a simultaneous relation undirected', async () => {
    const { g } = rng(2);
    const x = ar1(g, 600);
    const y = x.map((v) => v + 0.5 * g());
    const res = await correlateSeries([series('a', x), series('b', y)], { threads: 1 });
    expect(res.relations).toHaveLength(1);
    expect(res.relations[0].type).toBe('correlates-with');
    expect(res.relations[0].evidence?.lag_seconds).toBeNull();
  });

  it('aggregates several metrics of one CI into one relation', async () => {
    const { g } = rng(3);
    const x = ar1(g, 600);
    const s: Series[] = [series('a', x, 60, 'rps'), series('a', x.map((v) => 2 * v + 0.3 * g()), 60, 'cpu'), series('b', x.map((v) => v + 0.5 * g()), 60, 'rps')];
    const res = await correlateSeries(s, { threads: 1 });
    expect(res.relations).toHaveLength(1);
    expect(res.relations[0].evidence).toMatchObject({ series_pairs: 2 });
    expect(res.summary.pairsTested).toBe(2); // the two metrics of `a` are not a pair
  });
});

describe('correlateSeries: traps that must not become relations', () => {
  it('shared daily seasonality and a common trend are removed (raw levels would correlate)', async () => {
    const { g } = rng(4);
    const n = 2 * 1440;
    const s: Series[] = [];
    for (let k = 0; k < 6; k++) {
      const own = ar1(g, n, 0.9, 2);
      s.push(series(`svc${k}`, Float64Array.from({ length: n }, (_, t) => daily(t) * (1 + t / n) + own[t] + g())));
    }
    // The trap is real: the raw series are strongly correlated.
    expect(pearson(s[0].values, s[1].values)).toBeGreaterThan(0.8);
    const res = await correlateSeries(s, { threads: 1 });
    expect(res.relations).toEqual([]);
  });

  it('Benjamini–Hochberg keeps independent noise quiet where uncorrected tests would not', async () => {
    const { g } = rng(5);
    const N = 40;
    const s = Array.from({ length: N }, (_, k) => series(`n${k}`, ar1(g, 400, 0.5)));
    const res = await correlateSeries(s, { threads: 1, minAbsR: 0, topK: N });
    expect(res.summary.pairsTested).toBe((N * (N - 1)) / 2);
    expect(res.relations).toEqual([]);
    // Uncorrected, about 5% of the 780 pairs would pass p < 0.05.
    const W = s.map((x) => whiten(Float64Array.from(x.values), { stepMs: 60_000, method: 'spearman' }));
    let naive = 0;
    for (let i = 0; i < N; i++) for (let j = i + 1; j < N; j++) if (refinePair(W, i, j, { maxLag: 0, varFactor: 1.06 }).p < 0.05) naive++;
    expect(naive).toBeGreaterThan(15);
  });

  it('drops the indirect edge of a chain a → b → c (kept without pruning)', async () => {
    const { g } = rng(6);
    const n = 1000;
    const a = ar1(g, n);
    const b = Float64Array.from({ length: n }, (_, t) => a[Math.max(0, t - 1)] + 0.7 * g());
    const c = Float64Array.from({ length: n }, (_, t) => b[Math.max(0, t - 2)] + 0.7 * g());
    const s = [series('a', a), series('b', b), series('c', c)];
    const pairsOf = (r: { relations: Array<{ from: string; to: string }> }) => r.relations.map((x) => `${x.from.split('/')[3]}>${x.to.split('/')[3]}`).sort();
    expect(pairsOf(await correlateSeries(s, { threads: 1 }))).toEqual(['a>b', 'b>c']);
    expect(pairsOf(await correlateSeries(s, { threads: 1, prune: false }))).toEqual(['a>b', 'a>c', 'b>c']);
  });
});

describe('correlateSeries: messy input', () => {
  it('aligns different scrape intervals, jitter and gaps', async () => {
    const { g, u } = rng(7);
    const n = 720; // minutes
    const x = ar1(g, n);
    const xs: Series = { ci: id('x'), metric: 'rps', labels: {}, timestamps: [], values: [] };
    const ys: Series = { ci: id('y'), metric: 'rps', labels: {}, timestamps: [], values: [] };
    // x scraped every 15 s with jitter, y every 60 s with a 20-minute hole and a few missed scrapes.
    for (let t = 0; t < n * 4; t++) (xs.timestamps as number[]).push(T0 + t * 15_000 + Math.round(u() * 2000)), (xs.values as number[]).push(100 + x[t >> 2] + 0.3 * g());
    for (let t = 0; t < n; t++) {
      if ((t > 300 && t < 320) || u() < 0.03) continue;
      (ys.timestamps as number[]).push(T0 + t * 60_000 + Math.round(u() * 3000));
      (ys.values as number[]).push(100 + 1.5 * x[Math.max(0, t - 2)] + 0.5 * g());
    }
    const res = await correlateSeries([xs, ys], { threads: 1 });
    expect(res.summary.stepSeconds).toBe(60);
    expect(res.relations).toHaveLength(1);
    expect(res.relations[0]).toMatchObject({ from: id('x'), to: id('y'), type: 'connects-to' });
    expect(res.relations[0].evidence?.lag_seconds).toBe(120);
  });

  it('heavy tails: a shared glitch fools Pearson, not the rank variant', async () => {
    const { g } = rng(8);
    const n = 600;
    const mk = (k: number) => {
      const v = ar1(g, n, 0.5).map((q) => 100 + q);
      for (const t of [100, 250, 400, 550]) v[t] += 1e4; // the same scrape glitch everywhere
      return series(`s${k}`, v);
    };
    const s = [mk(0), mk(1), mk(2)];
    expect((await correlateSeries(s, { threads: 1, method: 'pearson' })).relations.length).toBeGreaterThan(0);
    expect((await correlateSeries(s, { threads: 1, method: 'spearman' })).relations).toEqual([]);
  });

  it('heavy tails: a real relation under Cauchy noise is found by ranks', async () => {
    const { g, u } = rng(9);
    const n = 800;
    const x = ar1(g, n);
    const cauchy = () => Math.tan(Math.PI * (u() - 0.5));
    const y = Float64Array.from({ length: n }, (_, t) => x[t] + 0.4 * cauchy());
    const xs = Float64Array.from({ length: n }, (_, t) => x[t] + 0.4 * cauchy());
    const res = await correlateSeries([series('x', xs), series('y', y)], { threads: 1, method: 'spearman' });
    expect(res.relations).toHaveLength(1);
  });

  it('copes with nothing to pair (one CI, several metrics)', async () => {
    const { g } = rng(11);
    const x = ar1(g, 200);
    const res = await correlateSeries([series('a', x, 60, 'm1'), series('a', x, 60, 'm2')], { threads: 1 });
    expect(res.summary.pairsTested).toBe(0);
    expect(res.relations).toEqual([]);
  });

  it('skips constant and CI-less series with a reason', async () => {
    const { g } = rng(10);
    const s = [series('a', ar1(g, 100)), series('k', new Float64Array(100).fill(5)), { ...series('x', ar1(g, 100)), ci: undefined }];
    const res = await correlateSeries(s, { threads: 1 });
    expect(res.summary.skipped.map((x) => x.reason).sort()).toEqual(['constant or too short', 'no CI']);
  });
});
