// Synthetic systems with a known dependency graph, for bench/correlate/run.mjs.
// Each system (a namespace): ingress → web tier → WAS tier → DB, with fan-out (a web calls several WAS),
// shared upstreams (several WAS call one DB; some DBs are shared across systems), a cache side-call.
// Load: the ingress has its own AR(1) fluctuation on top of a daily profile and a global trend;
// each node's load = sum over its callers of (caller load at t − lag) × weight + its own fluctuation.
// Metrics observe load with measurement noise (sometimes heavy-tailed spikes).
// Confounders that must NOT become edges: every series shares the daily profile and the trend;
// standalone services with their own independent load; "look-alike" batch jobs that all have the
// same smooth bump at the same hour but independent noise; a scrape glitch hitting many series at once.

// The same seeded PRNG as the analyses and tests.
import { mulberry32 } from '../../dist/analyze/random.js';

function gauss(rand) {
  const u = rand() || 1e-12;
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

/**
 * @param {object} o
 * @param {number} o.seed
 * @param {number} [o.systems] namespaces with a call chain
 * @param {number} [o.standalone] independent services per system
 * @param {number} [o.points] grid points (1-min)
 * @param {number} [o.noise] measurement noise, relative
 * @param {number} [o.heavyTails] probability of a spike per point
 * @param {number} [o.maxLag] propagation lag upper bound in minutes
 * @param {number} [o.sharedDbEvery] one cross-namespace shared DB per this many systems (0 = none)
 * @param {boolean} [o.glitch] a scrape glitch at one minute across ~all series
 * @param {number} [o.gaps] probability that a series has a 10-30 min gap
 */
export function generate(o) {
  const rand = mulberry32(o.seed);
  const g = () => gauss(rand);
  const T = o.points ?? 1440;
  const noise = o.noise ?? 0.02;
  const heavy = o.heavyTails ?? 0;
  const maxLag = o.maxLag ?? 3;
  const start = Date.UTC(2026, 10, 1);
  const step = 60_000;
  const daily = new Float64Array(T);
  const trend = new Float64Array(T);
  for (let t = 0; t < T; t++) {
    const day = (t % 1440) / 1440;
    daily[t] = 1 + 0.6 * Math.sin(2 * Math.PI * day - Math.PI / 2) + 0.15 * Math.sin(4 * Math.PI * day);
    trend[t] = 1 + (0.4 * t) / T;
  }
  const ar = (phi, sigma) => {
    const x = new Float64Array(T);
    let v = 0;
    for (let t = 0; t < T; t++) x[t] = v = phi * v + sigma * g();
    return x;
  };
  /** nodes: {ci, own: Float64Array (log-fluctuation), callers: [{from, w, lag}], load} */
  const nodes = [];
  const edges = [];
  const node = (ci, ownSigma = 0.02 + 0.03 * rand(), base = 50 + 200 * rand()) => {
    const n = { ci, base, own: ar(0.9, ownSigma), callers: [], load: null, kind: 'svc' };
    nodes.push(n);
    return n;
  };
  const call = (from, to) => {
    const lag = Math.floor(rand() * (maxLag + 1));
    to.callers.push({ from, w: 0.5 + rand(), lag });
    edges.push({ from: from.ci, to: to.ci, lag });
  };
  const id = (ns, kind, name) => `dev/${kind}/${ns}/${name}`;
  const sharedDbs = [];
  const S = o.systems ?? 8;
  for (let s = 0; s < S; s++) {
    const ns = `shop-${s}`;
    const ing = node(id(ns, 'Ingress', 'gw'), 0.05);
    const webs = Array.from({ length: 1 + Math.floor(rand() * 2) }, (_, k) => node(id(ns, 'Deployment', `web-${k}`)));
    const wass = Array.from({ length: 1 + Math.floor(rand() * 3) }, (_, k) => node(id(ns, 'Deployment', `was-${k}`)));
    const db = node(id(ns, 'StatefulSet', 'db'));
    webs.forEach((w) => call(ing, w));
    // fan-out: each WAS is called by one web (round-robin), the first web also calls the second WAS
    wass.forEach((w, k) => call(webs[k % webs.length], w));
    if (wass.length > 1 && webs.length === 1 && rand() < 0.5) {
      /* already fanned out */
    }
    wass.forEach((w) => call(w, db)); // shared upstream: several WAS → one DB
    if (rand() < 0.5) call(wass[0], node(id(ns, 'Deployment', 'cache')));
    if (o.sharedDbEvery && s % o.sharedDbEvery === 0) sharedDbs.push({ ns, was: wass[wass.length - 1] });
    for (let k = 0; k < (o.standalone ?? 2); k++) node(id(ns, 'Deployment', `batch-${k}`), 0.05).kind = 'standalone';
  }
  if (sharedDbs.length) {
    const db = node(id('shared', 'StatefulSet', 'central-db'));
    for (const x of sharedDbs) call(x.was, db);
  }
  // Topological load computation (callers are always created before callees here).
  for (const n of nodes) {
    const L = new Float64Array(T);
    if (!n.callers.length) {
      for (let t = 0; t < T; t++) L[t] = n.base * daily[t] * trend[t] * Math.exp(n.own[t]);
      if (n.kind === 'standalone' && rand() < 0.5) {
        // look-alike: the same smooth batch bump at 02:00 everywhere, independent noise
        for (let t = 0; t < T; t++) L[t] *= 1 + 2 * Math.exp(-(((t % 1440) - 120) ** 2) / (2 * 30 ** 2));
      }
    } else {
      for (let t = 0; t < T; t++) {
        let v = 0;
        for (const c of n.callers) v += c.w * c.from.load[Math.max(0, t - c.lag)];
        L[t] = v * Math.exp(n.own[t]);
      }
    }
    n.load = L;
  }
  const glitchAt = o.glitch ? Math.floor(T / 3) : -1;
  const series = [];
  for (const n of nodes) {
    const metrics = rand() < 0.5 ? ['requests_per_second'] : ['requests_per_second', 'cpu_seconds'];
    const gap = o.gaps && rand() < o.gaps ? [Math.floor(rand() * (T - 60)), 10 + Math.floor(rand() * 20)] : null;
    for (const metric of metrics) {
      const ts = [];
      const vs = [];
      const scale = metric === 'cpu_seconds' ? 0.002 : 1;
      const offset = metric === 'cpu_seconds' ? 0.05 : 0;
      for (let t = 0; t < T; t++) {
        if (gap && t >= gap[0] && t < gap[0] + gap[1]) continue;
        let v = offset + scale * n.load[t] * (1 + noise * g());
        if (heavy && rand() < heavy) v += scale * n.load[t] * (rand() < 0.5 ? -0.5 : 3) * rand();
        if (t === glitchAt) v *= 5;
        ts.push(start + t * step);
        vs.push(v);
      }
      series.push({ ci: n.ci, metric, labels: {}, timestamps: Float64Array.from(ts), values: Float64Array.from(vs) });
    }
  }
  return { series, edges, cis: nodes.map((n) => n.ci) };
}

/** Undirected match for precision/recall; direction judged separately on the matched edges. */
export function score(relations, edges) {
  const key = (a, b) => (a < b ? `${a}|${b}` : `${b}|${a}`);
  const truth = new Map(edges.map((e) => [key(e.from, e.to), e]));
  let tp = 0;
  let directedTp = 0;
  let directedRight = 0;
  const fps = [];
  const found = new Set();
  for (const r of relations) {
    const k = key(r.from, r.to);
    const e = truth.get(k);
    if (!e) {
      fps.push(r);
      continue;
    }
    if (found.has(k)) continue;
    found.add(k);
    tp++;
    if (r.type === 'connects-to') {
      directedTp++;
      if (r.from === e.from) directedRight++;
    }
  }
  const fn = edges.filter((e) => !found.has(key(e.from, e.to)));
  const precision = relations.length ? tp / (tp + fps.length) : 1;
  const recall = edges.length ? tp / edges.length : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp, fp: fps.length, fn: fn.length, precision, recall, f1, directedTp, directedRight, fps, fns: fn };
}
