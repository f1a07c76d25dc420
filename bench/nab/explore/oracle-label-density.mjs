// ANALYSIS ONLY (uses label counts — never in the detector): how much of the one-threshold cost
// is explained by label density (points per labelled window)?
import { load, evaluate, fmt, onset, toScore } from './simlib.mjs';
const files = load();
const L3 = Math.log10(3);
function run(f, o) {
  const n = f.sP.length; const s = new Float64Array(n);
  const npw = n / Math.max(1, f.windows.length);
  for (let i = 0; i < n; i++) {
    let h = o.pen * (f.seen[i] > 1000 ? Math.log10(f.seen[i] / 1000) : 0);
    s[i] = Math.max(0, Math.max(f.sP[i], f.sSh[i], f.sSp[i], f.sRg[i], f.sFl[i]) - L3 - h - o.c * Math.log10(npw / 2000));
  }
  return toScore(onset(s));
}
for (const pen of [0, 0.25]) for (const c of [0, 0.25, 0.5, 0.75, 1]) console.log(`pen${pen} c${c}`.padEnd(16), fmt(evaluate(files, (f) => run(f, { pen, c }))));
