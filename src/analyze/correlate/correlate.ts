// Relation discovery from metric series: align → whiten → screen all pairs (or prune candidates) →
// exact lag scan of candidates → Benjamini–Hochberg across every pair → drop indirect edges →
// aggregate series pairs to CI relations (+ event co-occurrence as a second kind of evidence).
import type { CiId } from '../../model/ci.js';
import type { HcEvent } from '../../model/event.js';
import type { Relation } from '../../model/relation.js';
import type { Series } from '../../model/telemetry.js';
import { alignSeries } from './align.js';
import { lshPairs, namespacePairs, pairKey, pairOf, type LshOptions } from './candidates.js';
import { eventCooccurrence, type EventPair } from './events.js';
import { pruneIndirect, type PruneOptions } from './prune.js';
import type { PairStat } from './refine.js';
import { refineMany, threadCount } from './parallel.js';
import { screenAllPairs } from './screen.js';
import { benjaminiHochberg, normSf } from './stats.js';
import { whiten, type Method, type Whitened } from './whiten.js';

export type CandidateMode = 'auto' | 'all' | 'namespace' | 'lsh' | 'namespace+lsh';

export interface CorrelateOptions {
  /** Grid step; default the coarsest median scrape interval. */
  stepSeconds?: number;
  maxGapSteps?: number;
  /** Seasonal periods removed when covered twice. Default day and week. */
  periodsSeconds?: number[];
  arOrder?: number;
  /** Moving-average width on the innovations (see whiten.ts). Default 1. */
  smooth?: number;
  /** 'spearman' (ranks, robust to heavy tails; default) or 'pearson'. */
  method?: Method;
  /** Lag window ±. Default 600 s. */
  maxLagSeconds?: number;
  /** False-discovery rate across all pairs. Default 0.05. */
  alpha?: number;
  /** How candidate pairs are found. 'auto': all pairs up to `allPairsMax` series, else namespace+lsh. */
  candidates?: CandidateMode;
  allPairsMax?: number;
  /** Screen: a pair is a candidate when its screen p (Bonferroni over the looks) ≤ this... Default 1e-3. */
  screenP?: number;
  /** ...or it is among the K strongest of either series. Default 5. */
  topK?: number;
  lsh?: LshOptions;
  /** Screen lags ±1 at full resolution too (slower, more power for weak 1-step lags). */
  fineLags?: boolean;
  threads?: number;
  /** z a lag peak must beat the other side by to give a direction. Default 3. */
  dirZ?: number;
  /** Drop indirect (chain / common-cause) edges. Default true. */
  prune?: boolean;
  pruneRatio?: number;
  /** Fine control of the indirect-edge pruning. */
  pruneOptions?: PruneOptions;
  /** Least |r| for a relation, besides significance: with thousands of points tiny r are significant but useless. Default 0.15. */
  minAbsR?: number;
  /** Least overlapping points for a pair. Default 30. */
  minOverlap?: number;
  /** Events for the co-occurrence evidence. */
  events?: HcEvent[];
  eventWindowSeconds?: number;
}

export interface SeriesRef {
  ci: CiId;
  metric: string;
}

export interface SeriesPair {
  from: SeriesRef;
  to: SeriesRef;
  r: number;
  /** ≥ 0: `from` leads `to` by this much (0 when simultaneous or undirected). */
  lag_seconds: number;
  directed: boolean;
  p: number;
  q: number;
  n: number;
  n_eff: number;
}

export interface CorrelateSummary {
  series: number;
  used: number;
  skipped: Array<SeriesRef & { reason: string }>;
  stepSeconds: number;
  points: number;
  method: Method;
  maxLagSeconds: number;
  candidateMode: Exclude<CandidateMode, 'auto'>;
  /** Pairs of series on different CIs: the family BH controls. */
  pairsTested: number;
  candidates: number;
  alpha: number;
  discoveries: number;
  /** Largest p accepted, and BH's critical value k·alpha/m for it. */
  thresholdP: number;
  criticalP: number;
  pruned: number;
  eventPairs: number;
  threads: number;
  timingsMs: Record<string, number>;
  /** Process CPU (every thread) per stage. */
  cpuMs: Record<string, number>;
  explanation: string;
}

export interface CorrelateResult {
  relations: Relation[];
  pairs: SeriesPair[];
  dropped: Array<{ pair: SeriesPair; via: SeriesRef; partial: number }>;
  eventPairs: EventPair[];
  summary: CorrelateSummary;
}

const fmt = (x: number) => (x === 0 ? '0' : x < 1e-3 ? x.toExponential(1) : x.toPrecision(2));

export async function correlateSeries(series: Series[], opts: CorrelateOptions = {}): Promise<CorrelateResult> {
  const t0 = performance.now();
  const timings: Record<string, number> = {};
  // Wall time per stage, and process CPU (all threads) per stage: on a busy machine the two differ a lot.
  let cpuMark = process.cpuUsage();
  const cpu: Record<string, number> = {};
  const lap = (name: string, since: number) => {
    timings[name] = Math.round(performance.now() - since);
    const c = process.cpuUsage(cpuMark);
    cpu[name] = Math.round((c.user + c.system) / 1000);
    cpuMark = process.cpuUsage();
  };
  const method: Method = opts.method ?? 'spearman';
  const varFactor = method === 'spearman' ? 1.06 : 1;
  const alpha = opts.alpha ?? 0.05;
  const skipped: CorrelateSummary['skipped'] = [];

  const withCi = series.filter((s) => {
    if (s.ci) return true;
    skipped.push({ ci: '', metric: s.metric, reason: 'no CI' });
    return false;
  });
  const grid = alignSeries(withCi, { stepSeconds: opts.stepSeconds, maxGapSteps: opts.maxGapSteps });
  lap('align', t0);
  const t1 = performance.now();
  const minOverlap = opts.minOverlap ?? 30;
  const Wall = grid.rows.map((row) => whiten(row, { stepMs: grid.stepMs, periodsSeconds: opts.periodsSeconds, arOrder: opts.arOrder, method, smooth: opts.smooth }));
  const keep: number[] = [];
  Wall.forEach((w, k) => {
    if (w.degenerate || w.nValid < minOverlap) skipped.push({ ci: withCi[k].ci!, metric: withCi[k].metric, reason: w.degenerate ? 'constant or too short' : 'too few points' });
    else keep.push(k);
  });
  const W: Whitened[] = keep.map((k) => Wall[k]);
  const refs: SeriesRef[] = keep.map((k) => ({ ci: withCi[k].ci!, metric: withCi[k].metric }));
  const ciOf = (i: number) => refs[i].ci;
  lap('whiten', t1);
  const N = W.length;
  const T = grid.length;
  const stepS = grid.stepMs / 1000;
  const maxLag = Math.max(0, Math.min(Math.floor(T / 4), Math.round((opts.maxLagSeconds ?? 600) / stepS)));

  // m: every pair of series on different CIs.
  const perCi = new Map<string, number>();
  for (const r of refs) perCi.set(r.ci, (perCi.get(r.ci) ?? 0) + 1);
  let m = (N * (N - 1)) / 2;
  for (const c of perCi.values()) m -= (c * (c - 1)) / 2;

  const mode: Exclude<CandidateMode, 'auto'> = !opts.candidates || opts.candidates === 'auto' ? (N <= (opts.allPairsMax ?? 5000) ? 'all' : 'namespace+lsh') : opts.candidates;
  const t2 = performance.now();
  let cand: Set<number>;
  let threads = 1;
  if (mode === 'all') {
    const sc = await screenAllPairs(
      W.map((w) => w.z),
      T,
      { threads: opts.threads, fineLags: opts.fineLags },
    );
    threads = sc.threads;
    lap('screen', t2);
    const tSel = performance.now();
    cand = new Set();
    const zMin = zForP((opts.screenP ?? 1e-3) / (2 * sc.looks));
    const K = opts.topK ?? 5;
    const st = sc.stat;
    for (let i = 0; i < N; i++) {
      // top-K of row i over both halves of the triangle
      const top: Array<[number, number]> = [];
      for (let j = 0; j < N; j++) {
        if (j === i || refs[j].ci === refs[i].ci) continue;
        const z = j > i ? st[i * N + j] : st[j * N + i];
        if (j > i && z >= zMin) cand.add(pairKey(i, j));
        if (top.length < K || z > top[top.length - 1][0]) {
          top.push([z, j]);
          top.sort((a, b) => b[0] - a[0]);
          if (top.length > K) top.pop();
        }
      }
      for (const [, j] of top) cand.add(pairKey(i, j));
    }
    lap('select', tSel);
  } else {
    cand = new Set();
    if (mode.includes('namespace')) namespacePairs(refs.map((r) => r.ci), cand);
    if (mode.includes('lsh')) lshPairs(W.map((w) => w.z), T, opts.lsh, cand);
    for (const k of cand) {
      const [i, j] = pairOf(k);
      if (refs[i].ci === refs[j].ci) cand.delete(k);
    }
    lap('candidates', t2);
  }

  const t3 = performance.now();
  const candPairs = [...cand].map(pairOf);
  const stats: PairStat[] = (await refineMany(W, candPairs, { maxLag, varFactor, dirZ: opts.dirZ }, threadCount(opts.threads))).filter((s) => s.n >= minOverlap);
  lap('refine', t3);
  const bh = benjaminiHochberg(
    stats.map((s) => s.p),
    alpha,
    m,
  );
  const q = new Map<PairStat, number>();
  const minR = opts.minAbsR ?? 0.15;
  const sig = stats.filter((s, k) => (q.set(s, bh.q[k]), bh.q[k] <= alpha && Math.abs(s.r) >= minR));

  const t4 = performance.now();
  const { kept, dropped } = opts.prune === false ? { kept: sig, dropped: [] } : pruneIndirect(sig, W, ciOf, { ratio: opts.pruneRatio, ...opts.pruneOptions });
  lap('prune', t4);

  const toPair = (s: PairStat): SeriesPair => {
    const flip = s.directed && s.lag < 0;
    const [a, b] = flip ? [s.j, s.i] : [s.i, s.j];
    return { from: refs[a], to: refs[b], r: s.r, lag_seconds: s.directed ? Math.abs(s.lag) * stepS : 0, directed: s.directed, p: s.p, q: q.get(s)!, n: s.n, n_eff: Math.round(s.nEff) };
  };
  const pairs = kept.map(toPair);

  const ev = opts.events?.length ? eventCooccurrence(opts.events, { windowSeconds: opts.eventWindowSeconds, alpha }) : { pairs: [], tested: 0, alpha, thresholdP: 0 };
  const relations = aggregate(pairs, ev.pairs, method);

  const explanation =
    `Benjamini–Hochberg at FDR ${alpha} over m=${m} pairs of series on different CIs ` +
    `(${stats.length} examined closely, the rest pruned and counted with p=1): ${bh.discoveries} discoveries, ` +
    `largest accepted p=${fmt(bh.thresholdP)} (critical value k·${alpha}/m=${fmt(bh.critical)}). ` +
    `p: Fisher z of the ${method} cross-correlation peak over lags ±${maxLag * stepS}s, with Bartlett's effective sample size, Šidák-corrected for ${2 * maxLag + 1} lags; ` +
    `series are de-seasonalised (day/week when covered twice), differenced and AR(${opts.arOrder ?? 2})-prewhitened first. ` +
    `Pairs with |r| < ${minR} are not reported however significant; ${dropped.length} indirect pairs dropped (explained by a third series).`;
  timings.total = Math.round(performance.now() - t0);
  return {
    relations,
    pairs,
    dropped: dropped.map((d) => ({ pair: toPair(d.pair), via: refs[d.via!], partial: d.partial! })),
    eventPairs: ev.pairs,
    summary: {
      series: series.length,
      used: N,
      skipped,
      stepSeconds: stepS,
      points: T,
      method,
      maxLagSeconds: maxLag * stepS,
      candidateMode: mode,
      pairsTested: m,
      candidates: stats.length,
      alpha,
      discoveries: bh.discoveries,
      thresholdP: bh.thresholdP,
      criticalP: bh.critical,
      pruned: dropped.length,
      eventPairs: ev.pairs.length,
      threads,
      timingsMs: timings,
      cpuMs: cpu,
      explanation,
    },
  };
}

/** z with P(Z > z) = p (bisection; only used for a threshold). */
function zForP(p: number): number {
  let lo = 0;
  let hi = 40;
  for (let k = 0; k < 60; k++) {
    const mid = (lo + hi) / 2;
    if (normSf(mid) > p) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** Series pairs → one relation per CI pair; events add or strengthen relations. */
export function aggregate(pairs: SeriesPair[], events: EventPair[], method: Method): Relation[] {
  const groups = new Map<string, SeriesPair[]>();
  const ukey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);
  for (const p of pairs) {
    const k = ukey(p.from.ci, p.to.ci);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(p);
  }
  const out = new Map<string, Relation>();
  for (const [k, g] of groups) {
    g.sort((x, y) => x.q - y.q || Math.abs(y.r) - Math.abs(x.r));
    const rep = g[0];
    const dirs = new Set(g.filter((p) => p.directed).map((p) => `${p.from.ci}\u0000${p.to.ci}`));
    const directed = dirs.size === 1;
    const lead = directed ? g.find((p) => p.directed)! : rep;
    const [from, to] = directed ? [lead.from.ci, lead.to.ci] : [rep.from.ci, rep.to.ci].sort();
    const score = Math.min(1, Math.abs(rep.r));
    out.set(k, {
      from,
      to,
      type: directed ? 'connects-to' : 'correlates-with',
      source: 'inferred',
      confidence: round(score),
      evidence: {
        method,
        r: round(rep.r),
        lag_seconds: directed ? lead.lag_seconds : null,
        p: rep.p,
        q: rep.q,
        n: rep.n,
        n_eff: rep.n_eff,
        series_pairs: g.length,
        ...(dirs.size > 1 ? { direction_conflict: true } : {}),
        metrics: g.slice(0, 5).map((p) => ({ from: `${p.from.ci}:${p.from.metric}`, to: `${p.to.ci}:${p.to.metric}`, r: round(p.r), lag_seconds: p.directed ? p.lag_seconds : null, q: p.q })),
      },
    });
  }
  for (const e of events) {
    const k = ukey(e.from, e.to);
    const evd = { support: e.support, confidence: round(e.confidence), confidence_reverse: round(e.confidenceReverse), lift: round(e.lift), p: e.p, q: e.q, lag_seconds: e.directed ? e.lagSeconds : null, directed: e.directed };
    const es = Math.max(e.confidence, e.confidenceReverse);
    const cur = out.get(k);
    if (cur) {
      const s = 1 - (1 - (cur.confidence ?? 0)) * (1 - es);
      cur.confidence = round(s);
      cur.evidence = { ...cur.evidence, events: evd };
      if (cur.type === 'correlates-with' && e.directed) {
        cur.from = e.from;
        cur.to = e.to;
        cur.type = 'connects-to';
        cur.evidence.lag_seconds = e.lagSeconds;
      }
    } else {
      out.set(k, {
        from: e.from,
        to: e.to,
        type: e.directed ? 'connects-to' : 'correlates-with',
        source: 'inferred',
        confidence: round(es),
        evidence: { method: 'event-cooccurrence', lag_seconds: e.directed ? e.lagSeconds : null, p: e.p, q: e.q, n: e.support, events: evd },
      });
    }
  }
  return [...out.values()].sort((a, b) => (b.confidence ?? 0) - (a.confidence ?? 0) || (a.from < b.from ? -1 : 1));
}

const round = (x: number) => Math.round(x * 1e4) / 1e4;
