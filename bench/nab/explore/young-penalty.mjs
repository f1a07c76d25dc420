import { load, evaluate, fmt, onset, toScore } from './simlib.mjs';
const files = load();
const L3 = Math.log10(3);
function run(f, o) {
  const n = f.sP.length; const s = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const k = f.seen[i];
    let h = k > 1000 ? 0.25 * Math.log10(k / 1000) : 0;
    if (o.y && k < o.yref) h += o.y * Math.log10(o.yref / k);
    s[i] = Math.max(0, Math.max(f.sP[i], f.sSh[i], f.sSp[i], f.sRg[i], f.sFl[i]) - L3 - h);
  }
  return toScore(onset(s));
}
const show = (label, o) => console.log(label.padEnd(34), fmt(evaluate(files, (f) => run(f, o))));
show('base', {});
for (const y of [0.25, 0.5, 1]) for (const yref of [1000, 1500, 2000]) show(`young y${y} ref${yref}`, { y, yref });
import { compare } from './simlib.mjs';
compare(files, (f) => run(f, {}), (f) => run(f, { y: 1, yref: 1000 }));
compare(files, (f) => run(f, {}), (f) => run(f, { y: 0.5, yref: 1500 }));
