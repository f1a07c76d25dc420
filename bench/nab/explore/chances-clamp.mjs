// Sensitivity of the independent-chances correction to clamping the surprise fed to the
// autocorrelation estimate (one huge record inflates the variance for ~chanceMemory points).
import { load, evaluate, fmt, onset, toScore } from './simlib.mjs';
const files = load();
const L3 = Math.log10(3);
function run(f, o) {
  const n = f.sP.length, s = new Float64Array(n);
  let m = 0, v = 0, c = 0, prev = NaN, cnt = 0;
  for (let i = 0; i < n; i++) {
    const x = Math.max(f.sP[i], f.sSh[i], f.sSp[i], f.sRg[i], f.sFl[i]);
    let tau = 1;
    if (cnt > 50 && v > 0) { const rho = Math.max(0, Math.min(0.98, c / v)); tau = (1 + rho) / (1 - rho); }
    const neff = f.seen[i] / tau;
    s[i] = Math.max(0, x - L3 - (neff > 250 ? 0.3 * Math.log10(neff / 250) : 0));
    const y = o.src === 'three' ? Math.min(o.clamp, Math.max(f.sP[i], f.sSh[i], f.sSp[i])) : Math.min(o.clamp, x);
    if (f.seen[i] > 20 && Number.isFinite(f.values[i])) { cnt++; const al = 1 / Math.min(cnt, 1000); const dm = y - m; m += al * dm; v += al * (dm * (y - m) - v); if (!Number.isNaN(prev)) c += al * ((y - m) * (prev - m) - c); prev = y; }
  }
  return toScore(onset(s));
}
for (const clamp of [30, 10, 6, 4]) for (const src of ['all', 'three']) console.log(`clamp ${clamp} ${src}`.padEnd(20), fmt(evaluate(files, (f) => run(f, { clamp, src }))));
