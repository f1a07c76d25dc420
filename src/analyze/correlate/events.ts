// The second kind of evidence: events (metric anomalies, log-template anomalies, ...) on different
// CIs that keep happening close together in time. For CIs A and B: support = how many A events have
// a B event within ±window; confidence(A→B) = support / #A; lift = confidence / chance, where chance
// is the probability that a random ±window holds a B event at B's overall rate. Significance:
// binomial tail of the support under that chance, then Benjamini–Hochberg across CI pairs.
import type { CiId } from '../../model/ci.js';
import type { HcEvent } from '../../model/event.js';
import { benjaminiHochberg, binomSf } from './stats.js';

export interface CooccurOptions {
  /** Half-width of the co-occurrence window. Default 300 s. */
  windowSeconds?: number;
  /** FDR level. Default 0.05. */
  alpha?: number;
  /** Least co-occurrences to report a pair. Default 3. */
  minSupport?: number;
  /** Only these event types count. Default: metric-anomaly, log-anomaly. */
  types?: HcEvent['type'][];
}

export interface EventPair {
  /** Leader when `directed`, else the CI with fewer events. */
  from: CiId;
  to: CiId;
  support: number;
  /** Events on each side. */
  nFrom: number;
  nTo: number;
  /** support / nFrom and the same from the other side. */
  confidence: number;
  confidenceReverse: number;
  lift: number;
  p: number;
  q: number;
  directed: boolean;
  /** Median delay from a `from` event to its nearest `to` event, seconds. */
  lagSeconds: number;
}

export function eventCooccurrence(events: HcEvent[], opts: CooccurOptions = {}): { pairs: EventPair[]; tested: number; alpha: number; thresholdP: number } {
  const w = (opts.windowSeconds ?? 300) * 1000;
  const alpha = opts.alpha ?? 0.05;
  const minSupport = opts.minSupport ?? 3;
  const types = new Set(opts.types ?? ['metric-anomaly', 'log-anomaly']);
  const byCi = new Map<CiId, number[]>();
  for (const e of events) {
    if (!e.ci || !types.has(e.type)) continue;
    const t = Date.parse(e.time);
    if (!Number.isFinite(t)) continue;
    let a = byCi.get(e.ci);
    if (!a) byCi.set(e.ci, (a = []));
    a.push(t);
  }
  const cis = [...byCi.keys()].sort();
  if (cis.length < 2) return { pairs: [], tested: 0, alpha, thresholdP: 0 };
  let lo = Infinity;
  let hi = -Infinity;
  for (const a of byCi.values()) {
    a.sort((x, y) => x - y);
    lo = Math.min(lo, a[0]);
    hi = Math.max(hi, a[a.length - 1]);
  }
  const span = Math.max(hi - lo + 2 * w, 2 * w);
  // One sweep over all events in time order finds, per event, the nearest event of every other CI in the window.
  const all: Array<{ t: number; c: number }> = [];
  cis.forEach((ci, c) => byCi.get(ci)!.forEach((t) => all.push({ t, c })));
  all.sort((a, b) => a.t - b.t);
  const hits = new Map<string, { n: number; lags: number[] }>(); // key "a b": events of a with some b nearby
  let left = 0;
  for (let k = 0; k < all.length; k++) {
    const e = all[k];
    while (all[left].t < e.t - w) left++;
    const nearest = new Map<number, number>();
    for (let m = left; m < all.length && all[m].t <= e.t + w; m++) {
      const o = all[m];
      if (o.c === e.c) continue;
      const d = o.t - e.t;
      const cur = nearest.get(o.c);
      if (cur === undefined || Math.abs(d) < Math.abs(cur)) nearest.set(o.c, d);
    }
    for (const [c, d] of nearest) {
      const key = `${e.c} ${c}`;
      let h = hits.get(key);
      if (!h) hits.set(key, (h = { n: 0, lags: [] }));
      h.n++;
      h.lags.push(d);
    }
  }
  const cand: Array<Omit<EventPair, 'q'>> = [];
  const n = cis.map((ci) => byCi.get(ci)!.length);
  const chance = n.map((k) => 1 - Math.exp((-k * 2 * w) / span));
  for (let a = 0; a < cis.length; a++)
    for (let b = a + 1; b < cis.length; b++) {
      const ab = hits.get(`${a} ${b}`);
      const ba = hits.get(`${b} ${a}`);
      if (!ab || !ba) continue;
      const pab = binomSf(ab.n, n[a], chance[b]);
      const pba = binomSf(ba.n, n[b], chance[a]);
      const p = Math.min(1, 2 * Math.min(pab, pba));
      const support = Math.min(ab.n, ba.n);
      if (support < minSupport) continue;
      // Direction: a sign test on which side comes first among a's nearest b events.
      const after = ab.lags.filter((d) => d > 0).length;
      const before = ab.lags.filter((d) => d < 0).length;
      const m = after + before;
      const pSign = m ? Math.min(1, 2 * binomSf(Math.max(after, before), m, 0.5)) : 1;
      const directed = m >= 3 && pSign < 0.05;
      const aLeads = !directed ? n[a] <= n[b] : after > before;
      const [f, t] = aLeads ? [a, b] : [b, a];
      const lags = (aLeads ? ab.lags : ba.lags).map((d) => Math.abs(d)).sort((x, y) => x - y);
      const conf = (f === a ? ab.n : ba.n) / n[f];
      const confR = (f === a ? ba.n : ab.n) / n[t];
      cand.push({
        from: cis[f],
        to: cis[t],
        support,
        nFrom: n[f],
        nTo: n[t],
        confidence: conf,
        confidenceReverse: confR,
        lift: conf / Math.max(1e-12, chance[t]),
        p,
        directed,
        lagSeconds: lags.length ? lags[lags.length >> 1] / 1000 : 0,
      });
    }
  const tested = (cis.length * (cis.length - 1)) / 2;
  const bh = benjaminiHochberg(
    cand.map((c) => c.p),
    alpha,
    tested,
  );
  const pairs = cand.map((c, k) => ({ ...c, q: bh.q[k] })).filter((c) => c.q <= alpha);
  pairs.sort((x, y) => x.q - y.q || y.support - x.support);
  return { pairs, tested, alpha, thresholdP: bh.thresholdP };
}
