// Removes indirect edges. In a call chain a → m → b, a and b correlate only through m; with a common
// upstream m → a, m → b, a and b correlate only because of m. The test: partial correlation of
// (a, b) given a conditioning set S, each series placed at the lag of its peak with a (so chains and
// common causes line up in time), on block sums (see `block`); the pair is explained away when
// |r_ab·S| < ratio·|r_ab| or r_ab·S is no longer significant.
//  1. (optional, off by default) S = the strongest common neighbour of a third CI, not a common
//     descendant, whatever the triangle looks like;
//  2. the data-processing inequality (ARACNE): in every triangle of CIs whose lags add up, the weakest
//     side is tested with S = all series of the third CI (two noisy measurements of one load explain
//     more than either), and the decision holds for every series pair of the two CIs (`ciLevel`).
//     Decisions of a pass are taken together.
import type { PairStat } from './refine.js';
import { ccfAt } from './refine.js';
import type { Whitened } from './whiten.js';

export interface PruneOptions {
  /** Drop when |r_ab·S| < ratio·|r_ab|. Default 0.5. */
  ratio?: number;
  /** ...or when r_ab·S is no longer significant at this z. Default 3. */
  zKeep?: number;
  /** Largest conditioning set (the strongest common neighbours). Default 8. */
  maxSet?: number;
  /**
   * Run pass 1 (conditioning on a common neighbour whatever the triangle looks like). Default off:
   * on bench/correlate it removed more true fan-in edges (WAS → DB, explained away by a sibling WAS)
   * than indirect ones that pass 2 misses (F1 0.914 with it, 0.926 without, on the default set).
   */
  setPass?: boolean;
  /** Skip pass 2 (for experiments). */
  noDpi?: boolean;
  /**
   * Test partial correlations on sums over blocks of this many steps (series aligned at their lags
   * first). White measurement noise, differenced, has almost no power at low frequencies while load
   * changes do, so a noisy mediator explains a chain much better on the coarser view. Default 4.
   */
  block?: number;
  /** Pass-1 conditioning set: 'between' (mediators in time, default) or 'single' (strongest one). */
  mode?: 'between' | 'single';
  /**
   * Pass 2 per CI pair (default true): triangles, the weakest side and the decision are taken on CIs,
   * not on single series. Every series of a CI measures one load, so when the test explains a CI
   * pair's strongest series pair away, all its series pairs go. Per series (false), a CI pair whose
   * rps pair was explained away survived through its cpu pair, or through a series pair that formed
   * no complete triangle because one side fell just below significance: most of the false edges on
   * unseen seeds (bench/correlate --holdout) were of that kind. Triangles use each CI pair's
   * strongest series pair (its |r| for the weakest side, its lag for the lag sum); the test conditions
   * on every series of the third CI (up to 4), placed at their own lag with the pair's series or else
   * at the CIs' lag.
   */
  ciLevel?: boolean;
  /**
   * With `ciLevel`: drop a CI pair when any of its series pairs is explained away ('any', default) or
   * only when its strongest one is ('rep'). Measured (P/R on default, holdout): 'any' 0.973/0.873,
   * 0.957/0.869; 'rep' 0.974/0.876, 0.944/0.879; per series (ciLevel false) 0.963/0.892, 0.928/0.891.
   */
  ciRule?: 'rep' | 'any';
}

export interface PruneDecision {
  pair: PairStat;
  /** A series that explained the pair away (the strongest of the set). */
  via?: number;
  partial?: number;
}

/** Correlation of block sums of x(t) and y(t + off) over blocks of `b` steps. */
export function blockCorr(x: Whitened, y: Whitened, off: number, b: number): number {
  const T = x.z.length;
  const t0 = Math.max(0, -off);
  const t1 = Math.min(T, T - off);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  let sx = 0;
  let sy = 0;
  let n = 0;
  for (let s = t0; s + b <= t1; s += b) {
    let a = 0;
    let c = 0;
    for (let t = s; t < s + b; t++) (a += x.z[t]), (c += y.z[t + off]);
    sxy += a * c;
    sxx += a * a;
    syy += c * c;
    sx += a;
    sy += c;
    n++;
  }
  if (n < 3) return 0;
  const cov = sxy - (sx * sy) / n;
  const vx = sxx - (sx * sx) / n;
  const vy = syy - (sy * sy) / n;
  return vx > 0 && vy > 0 ? cov / Math.sqrt(vx * vy) : 0;
}

/** Partial correlation of 0 and 1 given the rest, from a correlation matrix (Gauss–Jordan inverse). */
export function partialFromCorr(C: number[][]): number {
  const n = C.length;
  const A = C.map((row, i) => [...row, ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))]);
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(A[r][c]) > Math.abs(A[piv][c])) piv = r;
    if (Math.abs(A[piv][c]) < 1e-10) return NaN;
    [A[c], A[piv]] = [A[piv], A[c]];
    const d = A[c][c];
    for (let k = 0; k < 2 * n; k++) A[c][k] /= d;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = A[r][c];
      if (f) for (let k = 0; k < 2 * n; k++) A[r][k] -= f * A[c][k];
    }
  }
  const P = (i: number, j: number) => A[i][n + j];
  return -P(0, 1) / Math.sqrt(P(0, 0) * P(1, 1));
}

export function pruneIndirect(pairs: PairStat[], W: Whitened[], ciOf: (i: number) => string, opts: PruneOptions = {}): { kept: PairStat[]; dropped: PruneDecision[] } {
  const ratio = opts.ratio ?? 0.5;
  const zKeep = opts.zKeep ?? 3;
  const maxSet = opts.maxSet ?? 8;
  const block = Math.max(1, Math.round(opts.block ?? 4));

  const build = (ps: PairStat[]) => {
    const adj = new Map<number, Map<number, PairStat>>();
    const link = (a: number, b: number, p: PairStat) => {
      let m = adj.get(a);
      if (!m) adj.set(a, (m = new Map()));
      m.set(b, p);
    };
    for (const p of ps) link(p.i, p.j, p), link(p.j, p.i, p);
    return adj;
  };
  /** Lag and r of m relative to a: r(x_a(t), x_m(t + lag)). */
  const rel = (adj: Map<number, Map<number, PairStat>>, a: number, m: number): { lag: number; r: number } => {
    const p = adj.get(a)!.get(m)!;
    return p.i === a ? { lag: p.lag, r: p.r } : { lag: -p.lag, r: p.r };
  };
  const commons = (adj: Map<number, Map<number, PairStat>>, p: PairStat): number[] => {
    const na = adj.get(p.i)!;
    const nb = adj.get(p.j)!;
    const small = na.size <= nb.size ? na : nb;
    const ca = ciOf(p.i);
    const cb = ciOf(p.j);
    const out: number[] = [];
    for (const m of small.keys()) {
      if (m === p.i || m === p.j || !na.has(m) || !nb.has(m)) continue;
      const cm = ciOf(m);
      if (cm !== ca && cm !== cb) out.push(m);
    }
    return out;
  };
  /** Partial r of the pair given S (each m at its peak lag with a), and whether that explains the pair away. */
  const test = (adj: Map<number, Map<number, PairStat>>, p: PairStat, S: number[], lags?: number[]): { partial: number; explained: boolean } => {
    const lagA = lags ?? S.map((m) => rel(adj, p.i, m).lag);
    const k = S.length + 2;
    const corr = (x: number, y: number, off: number) => (block > 1 ? blockCorr(W[x], W[y], off, block) : ccfAt(W[x], W[y], off).r);
    const C: number[][] = Array.from({ length: k }, (_, x) => Array.from({ length: k }, (_, y) => (x === y ? 1 : 0)));
    C[0][1] = C[1][0] = block > 1 ? corr(p.i, p.j, p.lag) : p.r;
    S.forEach((m, x) => {
      C[0][x + 2] = C[x + 2][0] = corr(p.i, m, lagA[x]);
      C[1][x + 2] = C[x + 2][1] = corr(p.j, m, lagA[x] - p.lag);
      for (let y = x + 1; y < S.length; y++) C[x + 2][y + 2] = C[y + 2][x + 2] = corr(m, S[y], lagA[y] - lagA[x]);
    });
    const partial = partialFromCorr(C);
    if (!Number.isFinite(partial)) return { partial: 0, explained: false };
    const z = Math.atanh(Math.min(Math.abs(partial), 0.9999999)) * Math.sqrt(Math.max(1, p.nEff / block - S.length - 3));
    return { partial, explained: Math.abs(partial) < ratio * Math.abs(C[0][1]) || z < zKeep };
  };

  const dropped: PruneDecision[] = [];
  const mode = opts.mode ?? 'single';
  // Pass 1: condition on the series that sit between a and b in time (a at 0, b at L ≥ 0, m at
  // 0 ≤ M ≤ L): the possible mediators, all at once — a diamond web → {WAS…} → DB is only explained
  // by the whole WAS set. Series after both (common descendants) are never conditioned on.
  let adj = build(pairs);
  let kept: PairStat[] = [];
  for (const p of pairs) {
    const flip = p.lag < 0;
    const L = Math.abs(p.lag);
    const strength = (m: number) => Math.min(Math.abs(rel(adj, p.i, m).r), Math.abs(rel(adj, p.j, m).r));
    let S = commons(adj, p).filter((m) => {
      const am = rel(adj, p.i, m).lag;
      if (mode === 'single') return !(am > 0 && am - p.lag > 0);
      const M = flip ? -(am - p.lag) : am; // position of m on a time axis where the leader sits at 0
      return M >= 0 && M <= L;
    });
    if (!S.length || !opts.setPass) {
      kept.push(p);
      continue;
    }
    S = S.sort((x, y) => strength(y) - strength(x)).slice(0, mode === 'single' ? 1 : maxSet);
    const t = test(adj, p, S);
    if (t.explained) dropped.push({ pair: p, via: S[0], partial: t.partial });
    else kept.push(p);
  }
  // Pass 2: DPI on lag-consistent triangles that are left, conditioning on every series of the third
  // CI at once (two noisy measurements of one load explain more than either).
  adj = build(kept);
  if (opts.ciLevel ?? true) {
    const r = opts.noDpi ? { kept, dropped: [] } : ciLevelDpi(kept, W.length, ciOf, test, adj, opts.ciRule ?? 'any');
    return { kept: r.kept, dropped: [...dropped, ...r.dropped] };
  }
  const next: PairStat[] = [];
  for (const p of kept) {
    if (opts.noDpi) {
      next.push(p);
      continue;
    }
    let drop: PruneDecision | undefined;
    const byCi = new Map<string, number[]>();
    for (const m of commons(adj, p)) {
      const am = rel(adj, p.i, m);
      const bm = rel(adj, p.j, m);
      if (Math.abs(p.r) >= Math.min(Math.abs(am.r), Math.abs(bm.r))) continue;
      if (Math.abs(bm.lag - (am.lag - p.lag)) > 1) continue; // lags do not add up: not a path through m
      const c = ciOf(m);
      let a = byCi.get(c);
      if (!a) byCi.set(c, (a = []));
      a.push(m);
    }
    for (const ms of byCi.values()) {
      const t = test(adj, p, ms.slice(0, 4));
      if (t.explained) {
        drop = { pair: p, via: ms[0], partial: t.partial };
        break;
      }
    }
    if (drop) dropped.push(drop);
    else next.push(p);
  }
  kept = next;
  return { kept, dropped };
}

/** Pass 2 on CIs: see `PruneOptions.ciLevel`. */
function ciLevelDpi(
  kept: PairStat[],
  nSeries: number,
  ciOf: (i: number) => string,
  test: (adj: Map<number, Map<number, PairStat>>, p: PairStat, S: number[], lags?: number[]) => { partial: number; explained: boolean },
  adj: Map<number, Map<number, PairStat>>,
  rule: 'rep' | 'any',
): { kept: PairStat[]; dropped: PruneDecision[] } {
  const key = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);
  const groups = new Map<string, PairStat[]>();
  const nbr = new Map<string, Set<string>>();
  const addNbr = (a: string, b: string) => {
    let s = nbr.get(a);
    if (!s) nbr.set(a, (s = new Set()));
    s.add(b);
  };
  for (const p of kept) {
    const a = ciOf(p.i);
    const b = ciOf(p.j);
    const k = key(a, b);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(p);
    addNbr(a, b), addNbr(b, a);
  }
  for (const g of groups.values()) g.sort((x, y) => Math.abs(y.r) - Math.abs(x.r));
  const seriesOf = new Map<string, number[]>();
  for (let i = 0; i < nSeries; i++) {
    const c = ciOf(i);
    let a = seriesOf.get(c);
    if (!a) seriesOf.set(c, (a = []));
    a.push(i);
  }
  /** Strongest pair of two CIs: |r| and the lag of CI b relative to CI a. */
  const ciRel = (a: string, b: string): { r: number; lag: number } => {
    const p = groups.get(key(a, b))![0];
    return { r: Math.abs(p.r), lag: ciOf(p.i) === a ? p.lag : -p.lag };
  };
  /** Lag of series m relative to series x: their own pair when significant, else their CIs' strongest pair. */
  const lagOf = (x: number, m: number): number => {
    const p = adj.get(x)?.get(m);
    if (p) return p.i === x ? p.lag : -p.lag;
    return ciRel(ciOf(x), ciOf(m)).lag;
  };
  const dropped: PruneDecision[] = [];
  const out: PairStat[] = [];
  for (const g of groups.values()) {
    const A = ciOf(g[0].i);
    const B = ciOf(g[0].j);
    const ab = ciRel(A, B);
    const nb = nbr.get(B)!;
    let drop: PruneDecision | undefined;
    const tryS = (S: number[]) => {
      for (const p of rule === 'rep' ? g.slice(0, 1) : g) {
        const t = test(adj, p, S, S.map((m) => lagOf(p.i, m)));
        if (t.explained) return { pair: p, via: S[0], partial: t.partial };
      }
      return undefined;
    };
    for (const M of nbr.get(A)!) {
      if (M === B || !nb.has(M)) continue;
      const am = ciRel(A, M);
      const bm = ciRel(B, M);
      if (Math.abs(bm.lag - (am.lag - ab.lag)) > 1) continue; // lags do not add up: not a path through M
      if (ab.r >= Math.min(am.r, bm.r)) continue; // DPI: only the weakest side of a triangle
      drop = tryS(seriesOf.get(M)!.slice(0, 4));
      if (drop) break;
    }
    if (drop) for (const p of g) dropped.push({ pair: p, via: drop.via, partial: drop.partial });
    else out.push(...g);
  }
  return { kept: out, dropped };
}
