// Extremal-index variant of the independent-chances count: theta = clusters / exceedances of the surprise above L.
import { load, evaluate, fmt, onset, toScore } from './simlib.mjs';
const files = load();
const L3 = Math.log10(3);
function run(f, o) {
  const n = f.sP.length, s = new Float64Array(n);
  let exc = o.prior ?? 2, clu = o.prior ?? 2, last = -Infinity, k = 0;
  for (let i = 0; i < n; i++) {
    const x = Math.max(f.sP[i], f.sSh[i], f.sSp[i], f.sRg[i], f.sFl[i]);
    const theta = clu / exc;
    const neff = f.seen[i] * theta;
    s[i] = Math.max(0, x - L3 - (neff > o.ref ? o.pen * Math.log10(neff / o.ref) : 0));
    if (f.seen[i] > 21 && Number.isFinite(f.values[i])) {
      k++;
      if (o.mem) { const d = 1 - 1 / o.mem; exc *= d; clu *= d; }
      if (x >= o.L) { exc++; if (k - last > o.r) clu++; last = k; }
    }
  }
  return toScore(onset(s));
}
const show = (label, o) => console.log(label.padEnd(36), fmt(evaluate(files, (f) => run(f, o))));
for (const L of [0.5, 1, 1.5]) for (const r of [1, 3]) for (const [pen, ref] of [[0.25, 250], [0.3, 250], [0.3, 400], [0.25, 500]]) show(`L${L} r${r} pen${pen} ref${ref}`, { L, r, pen, ref });
for (const mem of [1000, 3000]) for (const [pen, ref] of [[0.3, 250], [0.3, 400]]) show(`L1 r1 mem${mem} pen${pen} ref${ref}`, { L: 1, r: 1, pen, ref, mem });
