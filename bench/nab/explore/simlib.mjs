// Analysis harness: scores every dev file once with the explanation (per-component surprises),
// then lets combination rules / corrections / onset filters be replayed offline and NAB-scored.
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyseSeries } from '../../../dist/analyze/anomaly/pipeline.js';
import { readMetricCsv } from '../../../dist/collect/metrics/csv.js';
import { nabScore, NAB_PROFILES } from '../../../dist/analyze/anomaly/nab-score.js';
import { parseTimestamp } from '../../../dist/collect/metrics/timestamp.js';
const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../../../../shared/bench/nab-dev');
export function load(detOpts = {}) {
  const labels = JSON.parse(readFileSync(join(root, 'labels/combined_windows.json'), 'utf8'));
  const files = [];
  let k = 0;
  for (const cat of readdirSync(join(root, 'data')).sort())
    for (const f of readdirSync(join(root, 'data', cat)).sort()) {
      if (!f.endsWith('.csv')) continue;
      const name = `${cat}/${f}`;
      const { series } = readMetricCsv(readFileSync(join(root, 'data', cat, f), 'utf8'), name, { keepBadRows: true });
      const r = analyseSeries(series[0], detOpts, true);
      const e = r.explanation;
      const n = r.scores.length;
      // seen count per row (finite values)
      const seen = new Float64Array(n);
      let c = 0;
      for (let i = 0; i < n; i++) { if (Number.isFinite(r.values[i])) c++; seen[i] = c; }
      files.push({ name, fold: k++ % 2 === 0 ? 'A' : 'B', timestamps: series[0].timestamps, values: r.values, base: r.scores, sP: e.surprises.point, sSh: e.surprises.shift, sSp: e.surprises.spread, sRg: e.surprises.range, sFl: e.surprises.flat, comp: e.component, seen, windows: (labels[name] ?? []).map(([a, b]) => [parseTimestamp(a), parseTimestamp(b)]) });
    }
  return files;
}
export function evaluate(files, scoresOf) {
  const scored = files.map((f) => ({ ...f, scores: scoresOf(f) }));
  const out = {};
  for (const [part, sel] of [['all', () => true], ['A', (f) => f.fold === 'A'], ['B', (f) => f.fold === 'B']]) {
    const fs = scored.filter(sel);
    out[part] = Object.values(NAB_PROFILES).map((p) => nabScore(fs, p));
  }
  return out;
}
export function fmt(r) {
  const s = (a) => a.map((x) => x.score.toFixed(1)).join('/');
  return `all ${s(r.all)} (tp ${r.all[0].tp} fp ${r.all[0].fp})  A ${s(r.A)}  B ${s(r.B)}`;
}
// Onset filter as in detector.ts, applied to a corrected surprise series.
export function onset(sur, o = {}) {
  const holdDecay = o.holdDecay ?? 0.998, damp = o.repeatDamp ?? 0.3, refire = o.refireMargin ?? 2, refractory = o.refractory ?? 60, fireLevel = o.fireLevel ?? 2;
  const n = sur.length;
  const out = new Float64Array(n);
  let hold = 0, lastFire = -Infinity;
  for (let i = 0; i < n; i++) {
    const s = sur[i];
    let v;
    if (s > hold + (i - lastFire < refractory ? refire : 0)) { v = s; hold = s; if (s >= fireLevel) lastFire = i; }
    else { v = s * damp; hold *= holdDecay; }
    out[i] = v;
  }
  return out;
}
export const toScore = (sur) => sur.map((s) => 1 - Math.pow(10, -s));
// Per-file raw (standard) at each variant's own global threshold: where a variant wins and loses.
import { nabScore as _ns, NAB_PROFILES as _P } from '../../../dist/analyze/anomaly/nab-score.js';
export function compare(files, fa, fb, prof = _P.standard) {
  const sa = files.map((f) => ({ ...f, scores: fa(f) }));
  const sb = files.map((f) => ({ ...f, scores: fb(f) }));
  const ta = _ns(sa, prof).threshold, tb = _ns(sb, prof).threshold;
  const dec = (t) => -Math.log10(1 - t);
  console.log(`thr ${dec(ta).toFixed(2)} -> ${dec(tb).toFixed(2)}`);
  for (let k = 0; k < files.length; k++) {
    const ra = rawAt(sa[k], ta, prof);
    const rb = rawAt(sb[k], tb, prof);
    if (Math.abs(ra.raw - rb.raw) > 0.005) console.log(`  ${files[k].name.slice(0, 50).padEnd(50)} ${ra.raw.toFixed(2).padStart(6)} -> ${rb.raw.toFixed(2).padStart(6)}  tp ${ra.tp}->${rb.tp} fp ${ra.fp}->${rb.fp}`);
  }
}

import { scaledSigmoid, probationaryLength } from '../../../dist/analyze/anomaly/nab-score.js';
// One file's raw NAB score at a fixed threshold (as in run.mjs --verbose).
export function rawAt(f, t, p = _P.standard) {
  const n = f.scores.length, prob = probationaryLength(n), maxTP = scaledSigmoid(-1);
  const idx = new Map(Array.from(f.timestamps, (ts, i) => [ts, i]));
  const wi = f.windows.map(([a, b]) => [idx.get(a), idx.get(b)]);
  let raw = 0, tp = 0, fp = 0;
  for (const [a, b] of wi) {
    if (b < prob) continue;
    let first = -1;
    for (let i = Math.max(a, prob); i <= b && first < 0; i++) if (f.scores[i] >= t) first = i;
    if (first < 0) raw -= p.fnWeight; else { tp++; raw += (scaledSigmoid(-(b - first + 1) / (b - a + 1)) * p.tpWeight) / maxTP; }
  }
  let k = 0, prevR = -1, prevW = 0;
  for (let i = 0; i < n; i++) {
    while (k < wi.length && i > wi[k][1]) { prevR = wi[k][1]; prevW = wi[k][1] - wi[k][0] + 1; k++; }
    const inWin = k < wi.length && i >= wi[k][0];
    if (i < prob || inWin || !(f.scores[i] >= t)) continue;
    raw += scaledSigmoid(prevR < 0 || prevW <= 1 ? 3 : Math.abs(prevR - i) / (prevW - 1)) * p.fpWeight; fp++;
  }
  return { raw, tp, fp };
}
