// Robustness of the effective-chances history correction on random halves of the files.
import { load, onset, toScore } from './simlib.mjs';
import { nabScore, NAB_PROFILES } from '../../../dist/analyze/anomaly/nab-score.js';
const files = load();
const L3 = Math.log10(3);
function run(f, o) {
  const n = f.sP.length, s = new Float64Array(n);
  let m = 0, v = 0, c = 0, prev = NaN, cnt = 0;
  for (let i = 0; i < n; i++) {
    const x = Math.max(f.sP[i], f.sSh[i], f.sSp[i], f.sRg[i], f.sFl[i]);
    let tau = 1;
    if (o.mem && cnt > 50 && v > 0) { const rho = Math.max(0, Math.min(0.98, c / v)); tau = (1 + rho) / (1 - rho); }
    const neff = f.seen[i] / tau;
    s[i] = Math.max(0, x - L3 - (neff > o.ref ? o.pen * Math.log10(neff / o.ref) : 0));
    if (o.mem && f.seen[i] > 21) { cnt++; const a = 1 / Math.min(cnt, o.mem); const dm = x - m; m += a * dm; v += a * (dm * (x - m) - v); if (!Number.isNaN(prev)) c += a * ((x - m) * (prev - m) - c); prev = x; }
  }
  return toScore(onset(s));
}
const base = files.map((f) => ({ ...f, scores: run(f, { pen: 0.25, ref: 1000 }) }));
for (const o of [{ mem: 1000, pen: 0.3, ref: 250 }, { mem: 500, pen: 0.3, ref: 200 }, { mem: 1000, pen: 0.25, ref: 200 }, { mem: 0, pen: 0.3, ref: 1500 }]) {
  const cand = files.map((f) => ({ ...f, scores: run(f, o) }));
  let seed = 12345; const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  let bothOk = 0, worst = Infinity; const gains = [];
  const T = 40;
  for (let t = 0; t < T; t++) {
    const idx = files.map((_, k) => k).sort(() => rnd() - 0.5); const h = new Set(idx.slice(0, 15));
    let ok = true;
    for (const part of [true, false]) for (const p of Object.values(NAB_PROFILES)) {
      const sel = (arr) => arr.filter((_, k) => h.has(k) === part);
      const d = nabScore(sel(cand), p).score - nabScore(sel(base), p).score;
      gains.push(d); worst = Math.min(worst, d); if (d < -0.3) ok = false;
    }
    if (ok) bothOk++;
  }
  gains.sort((a, b) => a - b);
  console.log(JSON.stringify(o), `splits with no half-profile worse than -0.3: ${bothOk}/${T}; half-profile gains: median ${gains[gains.length >> 1].toFixed(2)}, 10th pct ${gains[Math.floor(gains.length * 0.1)].toFixed(2)}, worst ${worst.toFixed(2)}`);
}
