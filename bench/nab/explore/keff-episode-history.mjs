import { load, evaluate, fmt, onset, toScore } from './simlib.mjs';
const files = load();
const L3 = Math.log10(3);
// (1) effective number of components from co-exceedance counts; (2) history correction by past episode count
function run(f, o) {
  const n = f.sP.length; const s = new Float64Array(n);
  const pen = o.pen ?? 0.25, ref = o.ref ?? 1000;
  let cMax = 0, cP = 0, cSh = 0, cSp = 0; const L = o.L ?? 1.5;
  let eps = 0, act = false, quiet = 0;
  for (let i = 0; i < n; i++) {
    const a = f.sP[i], b = f.sSh[i], c = f.sSp[i];
    const m = Math.max(a, b, c);
    let bonf = L3;
    if (o.keff) {
      // k_eff = P(max>=L) / mean_j P(s_j>=L), with a prior of `prior` pseudo-counts at k=3
      const pr = o.prior ?? 5;
      const k = (cMax + pr * 3) / ((cP + cSh + cSp) / 3 + pr);
      bonf = Math.log10(Math.min(3, Math.max(1, k)));
    }
    if (a >= L) cP++; if (b >= L) cSh++; if (c >= L) cSp++; if (m >= L) cMax++;
    let h = f.seen[i] > ref ? pen * Math.log10(f.seen[i] / ref) : 0;
    if (o.epHist) h = o.epHist * Math.log10(1 + eps / (o.epRef ?? 10));
    const v = Math.max(0, m - bonf - h);
    s[i] = v;
    if (v >= (o.epL ?? 1.5)) { if (!act) { act = true; eps++; } quiet = 0; } else if (act && ++quiet > 60) act = false;
  }
  return toScore(onset(s, o.onset));
}
const show = (label, o) => console.log(label.padEnd(34), fmt(evaluate(files, (f) => run(f, o))));
show('base', {});
for (const L of [1, 1.5, 2]) for (const prior of [2, 10, 50]) show(`keff L${L} prior${prior}`, { keff: 1, L, prior });
for (const b of [0.25, 0.4, 0.6]) for (const r of [3, 10, 30]) for (const epL of [1.5, 2]) show(`epHist b${b} ref${r} L${epL}`, { pen: 0, epHist: b, epRef: r, epL });
