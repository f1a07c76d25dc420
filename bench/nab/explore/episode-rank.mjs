import { load, evaluate, fmt, onset, toScore } from './simlib.mjs';
const files = load();
const L3 = Math.log10(3);
// episode-rank calibration: penalty gamma*log10((#past episode peaks >= s*tol + a)/(N + a)) (<= 0)
function run(f, o) {
  const n = f.sP.length; const s = new Float64Array(n);
  const pen = o.pen ?? 0.25, ref = o.ref ?? 1000;
  const peaks = []; let act = false, peak = 0, quiet = 0;
  const L = o.epL ?? 1.5, a = o.a ?? 1;
  for (let i = 0; i < n; i++) {
    const v = Math.max(0, Math.max(f.sP[i], f.sSh[i], f.sSp[i], f.sRg[i], f.sFl[i]) - L3 - (f.seen[i] > ref ? pen * Math.log10(f.seen[i] / ref) : 0));
    let pe = 0;
    if (o.gamma && v >= L) { let ge = 0; const thr = v - (o.tol ?? 0); for (const p of peaks) if (p >= thr) ge++; pe = -o.gamma * Math.log10((ge + a) / (peaks.length + a)); }
    s[i] = Math.max(0, v - pe);
    if (v >= L) { if (!act) { act = true; peak = 0; } peak = Math.max(peak, v); quiet = 0; }
    else if (act && ++quiet > (o.gap ?? 60)) { peaks.push(peak); act = false; }
  }
  return toScore(onset(s, o.onset));
}
const show = (label, o) => console.log(label.padEnd(34), fmt(evaluate(files, (f) => run(f, o))));
show('base', {});
for (const g of [0.1, 0.2, 0.3, 0.5]) for (const a of [1, 3]) for (const L of [1.5, 2]) show(`rank g${g} a${a} L${L}`, { gamma: g, a, epL: L });
for (const g of [0.2, 0.3]) for (const pen of [0, 0.1]) show(`rank g${g} a1 L1.5 pen${pen}`, { gamma: g, a: 1, epL: 1.5, pen });
