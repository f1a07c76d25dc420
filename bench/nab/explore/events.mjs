import { load, onset } from './simlib.mjs';
import { probationaryLength } from '../../../dist/analyze/anomaly/nab-score.js';
const files = load();
const L3 = Math.log10(3);
const rows = [];
for (const f of files) {
  const n = f.sP.length, prob = probationaryLength(n);
  const idx = new Map(Array.from(f.timestamps, (t, i) => [t, i]));
  const wi = f.windows.map(([a, b]) => [idx.get(a), idx.get(b)]);
  const v = new Float64Array(n);
  for (let i = 0; i < n; i++) v[i] = Math.max(0, Math.max(f.sP[i], f.sSh[i], f.sSp[i], f.sRg[i], f.sFl[i]) - L3 - (f.seen[i] > 1000 ? 0.25 * Math.log10(f.seen[i] / 1000) : 0));
  const out = onset(v);
  const seenW = new Set();
  for (let i = prob; i < n; i++) {
    if (out[i] < 1.8 || out[i] !== v[i]) continue;
    const w = wi.findIndex(([a, b]) => i >= a && i <= b);
    if (w >= 0 && seenW.has(w)) continue; // only first detection per window matters
    if (w >= 0) seenW.add(w);
    const K = 10; let sum = 0, mx = 0, dur = 0, sumP = 0, sumSh = 0, sumSp = 0;
    for (let j = i; j < Math.min(n, i + K); j++) { sum += v[j]; mx = Math.max(mx, v[j]); if (v[j] >= 1) dur++; sumP += f.sP[j]; sumSh += f.sSh[j]; sumSp += f.sSp[j]; }
    rows.push({ file: f.name.split('/')[1].slice(0, 22), i, lab: w >= 0 ? 'TP' : 'fp', s: out[i], mx, sum, dur, pt: f.sP[i], sh: f.sSh[i], sp: f.sSp[i], sumSh: sumSh / K, sumSp: sumSp / K, comp: f.comp[i].slice(0, 2) });
  }
}
for (const r of rows) console.log(`${r.file.padEnd(22)} ${String(r.i).padStart(6)} ${r.lab} ${r.comp} s=${r.s.toFixed(2)} mx10=${r.mx.toFixed(2)} sum10=${r.sum.toFixed(1).padStart(5)} dur=${String(r.dur).padStart(2)} pt=${r.pt.toFixed(2)} sh=${r.sh.toFixed(2)} sp=${r.sp.toFixed(2)} mSh=${r.sumSh.toFixed(2)} mSp=${r.sumSp.toFixed(2)}`);
