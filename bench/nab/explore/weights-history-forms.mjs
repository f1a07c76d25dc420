import { load, evaluate, fmt, onset, toScore } from './simlib.mjs';
const files = load();
const L3 = Math.log10(3);
// generic: v = combine(weighted comps) - bonf - hist(n, t)
function run(f, o) {
  const n = f.sP.length; const s = new Float64Array(n);
  const wP = o.wP ?? 1, wSh = o.wSh ?? 1, wSp = o.wSp ?? 1, bonf = o.bonf ?? L3;
  const hist = o.hist ?? ((k) => (k > 1000 ? 0.25 * Math.log10(k / 1000) : 0));
  const t0 = f.timestamps[0];
  for (let i = 0; i < n; i++) {
    const v = Math.max(f.sP[i] * wP, f.sSh[i] * wSh, f.sSp[i] * wSp) - bonf - hist(f.seen[i], (f.timestamps[i] - t0) / 86400000, f);
    s[i] = Math.max(0, v);
  }
  return toScore(onset(s, o.onset));
}
const show = (label, o) => console.log(label.padEnd(34), fmt(evaluate(files, (f) => run(f, o))));
show('base', {});
for (const w of [0.9, 1.1]) show(`wP ${w}`, { wP: w });
for (const w of [0.9, 1.1, 1.2]) show(`wSh ${w}`, { wSh: w });
for (const w of [0.9, 1.1, 1.2]) show(`wSp ${w}`, { wSp: w });
for (const b of [0.3, 0.6]) show(`bonf ${b}`, { bonf: b });
// smooth history forms
for (const pen of [0.2, 0.25, 0.3, 0.4]) for (const ref of [300, 1000, 3000]) show(`log1p pen${pen} ref${ref}`, { hist: (k) => pen * Math.log10(1 + k / ref) });
// by elapsed days
for (const pen of [0.25, 0.35, 0.5]) for (const ref of [3, 7]) show(`days pen${pen} ref${ref}`, { hist: (k, d) => (d > ref ? pen * Math.log10(d / ref) : 0) });
