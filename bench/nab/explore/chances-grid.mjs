import { load, evaluate, fmt, onset, toScore } from './simlib.mjs';
const files = load();
const L3 = Math.log10(3);
function tauSeries(f, o) {
  const mem = o.mem ?? 5000;
  const n = f.sP.length, out = new Float64Array(n);
  let m = 0, v = 0, c = 0, prev = NaN, cnt = 0;
  for (let i = 0; i < n; i++) {
    const x = Math.max(f.sP[i], f.sSh[i], f.sSp[i]); // per-point tests only (as detector.ts)
    let tau = 1;
    if (cnt > 50 && v > 0) { const rho = Math.max(0, Math.min(0.98, c / v)); tau = (1 + rho) / (1 - rho); }
    out[i] = o.fixTau ?? tau;
    if (f.seen[i] > 20 && Number.isFinite(f.values[i])) {
      cnt++; const a = 1 / Math.min(cnt, mem);
      const dm = x - m; m += a * dm; v += a * (dm * (x - m) - v);
      if (!Number.isNaN(prev)) c += a * ((x - m) * (prev - m) - c);
      prev = x;
    }
  }
  return out;
}
function run(f, o) {
  const n = f.sP.length; const s = new Float64Array(n); const tau = tauSeries(f, o);
  for (let i = 0; i < n; i++) {
    const neff = f.seen[i] / tau[i];
    const h = neff > o.ref ? o.pen * Math.log10(neff / o.ref) : 0;
    s[i] = Math.max(0, Math.max(f.sP[i], f.sSh[i], f.sSp[i], f.sRg[i], f.sFl[i]) - L3 - h);
  }
  return toScore(onset(s));
}
// baseline: points-count correction (0.25 / 1000) with flat/range
const B = { all: [75.0, 66.2, 79.9], A: [81.0, 73.8, 85.4], B: [68.4, 58.6, 73.1] };
const rows = [];
for (const mem of [500, 1000, 2000, 5000]) for (const pen of [0.25, 0.3, 0.35]) for (const ref of [150, 200, 250, 300, 400]) {
  const r = evaluate(files, (f) => run(f, { mem, pen, ref }));
  let worst = Infinity; for (const p of ['A', 'B']) for (let k = 0; k < 3; k++) worst = Math.min(worst, r[p][k].score - B[p][k]);
  let gmin = Infinity; for (let k = 0; k < 3; k++) gmin = Math.min(gmin, r.all[k].score - B.all[k]);
  console.log(`mem${mem} pen${pen} ref${ref}`.padEnd(26), fmt(r), ` minAllGain ${gmin.toFixed(1)} worstFold ${worst.toFixed(1)}`);
}
