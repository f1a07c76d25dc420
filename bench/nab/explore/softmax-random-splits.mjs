// Robustness on random halves: new default (independent chances) vs + soft-max of the components.
import { load, onset, toScore } from './simlib.mjs';
import { nabScore, NAB_PROFILES } from '../../../dist/analyze/anomaly/nab-score.js';
const files = load();
const L3 = Math.log10(3);
function run(f, o) {
  const n = f.sP.length, s = new Float64Array(n);
  let m = 0, v = 0, c = 0, prev = NaN, cnt = 0;
  for (let i = 0; i < n; i++) {
    const a = f.sP[i], b = f.sSh[i], d = f.sSp[i];
    const x = Math.max(a, b, d); // per-point tests only, as detector.ts
    const comb = o.T ? o.T * Math.log10(Math.pow(10, a / o.T) + Math.pow(10, b / o.T) + Math.pow(10, d / o.T)) : x;
    const combAll = Math.max(comb, f.sRg[i], f.sFl[i]);
    let tau = 1;
    if (o.mem && cnt > 50 && v > 0) { const rho = Math.max(0, Math.min(0.98, c / v)); tau = (1 + rho) / (1 - rho); }
    const neff = f.seen[i] / tau;
    s[i] = Math.max(0, combAll - L3 - (neff > o.ref ? o.pen * Math.log10(neff / o.ref) : 0));
    if (o.mem && f.seen[i] > 20 && Number.isFinite(f.values[i])) { cnt++; const al = 1 / Math.min(cnt, o.mem); const dm = x - m; m += al * dm; v += al * (dm * (x - m) - v); if (!Number.isNaN(prev)) c += al * ((x - m) * (prev - m) - c); prev = x; }
  }
  return toScore(onset(s));
}
const variants = { old: { pen: 0.25, ref: 1000 }, chances: { mem: 1000, pen: 0.3, ref: 250 }, 'chances+softmax0.5': { mem: 1000, pen: 0.3, ref: 250, T: 0.5 }, 'chances+softmax0.4': { mem: 1000, pen: 0.3, ref: 250, T: 0.4 } };
const sc = Object.fromEntries(Object.entries(variants).map(([k, o]) => [k, files.map((f) => ({ ...f, scores: run(f, o) }))]));
for (const [from, to] of [['old', 'chances'], ['old', 'chances+softmax0.5'], ['chances', 'chances+softmax0.5'], ['chances', 'chances+softmax0.4']]) {
  let seed = 777; const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const T = 60; let ok = 0; const g = [[], [], []];
  for (let t = 0; t < T; t++) {
    const idx = files.map((_, k) => k).sort(() => rnd() - 0.5); const h = new Set(idx.slice(0, 15));
    let good = true;
    for (const part of [true, false]) Object.values(NAB_PROFILES).forEach((p, k) => {
      const sel = (arr) => arr.filter((_, j) => h.has(j) === part);
      const d = nabScore(sel(sc[to]), p).score - nabScore(sel(sc[from]), p).score; g[k].push(d); if (d < -0.3) good = false;
    });
    if (good) ok++;
  }
  const q = (a, x) => { const b = [...a].sort((u, v) => u - v); return b[Math.floor(x * (b.length - 1))].toFixed(2); };
  console.log(`${from} -> ${to}: splits with no half-profile worse than -0.3: ${ok}/${T}; median gain std/lowFP/lowFN ${g.map((a) => q(a, 0.5)).join('/')}; 10th pct ${g.map((a) => q(a, 0.1)).join('/')}`);
}
