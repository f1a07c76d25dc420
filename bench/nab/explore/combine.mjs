import { load, evaluate, fmt, onset, toScore } from './simlib.mjs';
const files = load();
const L3 = Math.log10(3);
// combined surprise per point (before history correction)
const comb = {
  max: (a, b, c) => Math.max(a, b, c),
  softmax: (a, b, c, T = 1) => T * Math.log10(Math.pow(10, a / T) + Math.pow(10, b / T) + Math.pow(10, c / T)) + L3 - L3, // note: includes up to log10(3)
  top2: (a, b, c, w = 0.5) => { const s = [a, b, c].sort((x, y) => y - x); return s[0] + w * s[1]; },
  fisher: (a, b, c) => { // -2 sum ln p ~ chi2(6); survival of chi2 with 6 dof: e^{-x/2}(1 + x/2 + x^2/8)
    const x = 2 * Math.LN10 * (a + b + c); const sf = Math.exp(-x / 2) * (1 + x / 2 + (x * x) / 8); return -Math.log10(sf) - L3 + L3; },
};
function run(f, o) {
  const n = f.sP.length; const s = new Float64Array(n);
  const pen = o.pen ?? 0.25, ref = o.ref ?? 1000, bonf = o.bonf ?? L3;
  const c = o.comb ?? comb.max;
  // episode tracker
  const peaks = []; let act = false, peak = 0, quiet = 0;
  const L = o.epL ?? 1.5, gapEnd = o.epGap ?? 60;
  for (let i = 0; i < n; i++) {
    let v = c(f.sP[i], f.sSh[i], f.sSp[i]) - bonf;
    if (f.seen[i] > ref) v -= pen * Math.log10(f.seen[i] / ref);
    v = Math.max(0, v);
    let pe = 0;
    if (o.epBeta) {
      let cnt = 0;
      if (o.epMode === 'all') cnt = peaks.length; else { const thr = v - (o.epTol ?? 0); for (const p of peaks) if (p >= thr) cnt++; }
      pe = o.epBeta * Math.log10(1 + cnt);
    }
    const vv = Math.max(0, v - pe);
    s[i] = vv;
    // track episodes on the (history-corrected) surprise before the episode penalty
    const tv = o.epTrackPen ? vv : v;
    if (tv >= L) { if (!act) { act = true; peak = 0; } peak = Math.max(peak, tv); quiet = 0; }
    else if (act && ++quiet > gapEnd) { peaks.push(peak); act = false; }
  }
  return toScore(onset(s, o.onset));
}
const show = (label, o) => console.log(label.padEnd(40), fmt(evaluate(files, (f) => run(f, o))));
show('base', {});
for (const T of [0.3, 0.5, 1]) show(`softmax T${T}`, { comb: (a, b, c) => comb.softmax(a, b, c, T) });
for (const w of [0.1, 0.25, 0.5]) show(`top2 w${w}`, { comb: (a, b, c) => comb.top2(a, b, c, w) });
show('fisher', { comb: comb.fisher });
for (const beta of [0.25, 0.5, 1]) for (const L of [1.5, 2]) for (const tol of [0, 0.5]) show(`ep ge b${beta} L${L} tol${tol}`, { epBeta: beta, epL: L, epTol: tol });
for (const beta of [0.25, 0.5]) for (const L of [1.5, 2]) show(`ep all b${beta} L${L}`, { epBeta: beta, epL: L, epMode: 'all' });
for (const beta of [0.25, 0.5, 1]) for (const L of [1.5, 2]) show(`ep ge nohist b${beta} L${L}`, { epBeta: beta, epL: L, pen: 0 });
