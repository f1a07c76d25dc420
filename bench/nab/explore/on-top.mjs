// Variants replayed on top of the independent-chances history correction (the new default).
import { load, evaluate, fmt, onset, toScore } from './simlib.mjs';
const files = load();
const L3 = Math.log10(3);
function run(f, o) {
  const n = f.sP.length, s = new Float64Array(n);
  let m = 0, v = 0, c = 0, prev = NaN, cnt = 0;
  let cMax = 0, cP = 0, cSh = 0, cSp = 0;
  for (let i = 0; i < n; i++) {
    const a = f.sP[i], b = f.sSh[i], d = f.sSp[i];
    const x = Math.max(a, b, d); // per-point tests only, as detector.ts
    let comb = x;
    if (o.T) comb = o.T * Math.log10(Math.pow(10, a / o.T) + Math.pow(10, b / o.T) + Math.pow(10, d / o.T));
    if (o.top2) { const z = [a, b, d].sort((p, q) => q - p); comb = z[0] + o.top2 * z[1]; }
    comb = Math.max(comb, f.sRg[i], f.sFl[i]);
    const xAll = Math.max(x, f.sRg[i], f.sFl[i]);
    let bonf = L3;
    if (o.keffL) { const k = (cMax + 30) / ((cP + cSh + cSp) / 3 + 10); bonf = Math.log10(Math.min(3, Math.max(1, k))); if (a >= o.keffL) cP++; if (b >= o.keffL) cSh++; if (d >= o.keffL) cSp++; if (xAll >= o.keffL) cMax++; }
    let tau = 1;
    if (cnt > 50 && v > 0) { const rho = Math.max(0, Math.min(0.98, c / v)); tau = (1 + rho) / (1 - rho); }
    const neff = f.seen[i] / tau;
    let h = neff > 250 ? 0.3 * Math.log10(neff / 250) : 0;
    if (o.y && f.seen[i] < 1000) h += o.y * Math.log10(1000 / f.seen[i]);
    s[i] = Math.max(0, comb - bonf - h);
    if (f.seen[i] > 20 && Number.isFinite(f.values[i])) { cnt++; const al = 1 / Math.min(cnt, 1000); const dm = x - m; m += al * dm; v += al * (dm * (x - m) - v); if (!Number.isNaN(prev)) c += al * ((x - m) * (prev - m) - c); prev = x; }
  }
  return toScore(onset(s, o.onset));
}
const show = (label, o) => console.log(label.padEnd(30), fmt(evaluate(files, (f) => run(f, o))));
show('new default (replay)', {});
for (const T of [0.5, 1]) show(`softmax T${T}`, { T });
for (const w of [0.1, 0.25]) show(`top2 w${w}`, { top2: w });
for (const L of [1.5, 2]) show(`keff L${L}`, { keffL: L });
for (const y of [0.5, 1]) show(`young y${y}`, { y });
for (const fl of [1.5, 2.5]) show(`fireLevel ${fl}`, { onset: { fireLevel: fl } });
for (const r of [40, 100]) show(`refractory ${r}`, { onset: { refractory: r } });
for (const d of [0.2, 0.4]) show(`repeatDamp ${d}`, { onset: { repeatDamp: d } });
console.log('--- softmax temperature sweep');
for (const T of [0.2, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7, 0.8]) show(`softmax T${T}`, { T });
import { compare } from './simlib.mjs';
import { NAB_PROFILES } from '../../../dist/analyze/anomaly/nab-score.js';
for (const [k, p] of Object.entries(NAB_PROFILES)) { console.log('--- new default -> softmax T0.5,', k); compare(files, (f) => run(f, {}), (f) => run(f, { T: 0.5 }), p); }
