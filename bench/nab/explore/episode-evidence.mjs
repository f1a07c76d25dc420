import { load, evaluate, fmt, onset, toScore } from './simlib.mjs';
const files = load();
const L3 = Math.log10(3);
// episode evidence: leaky sum C of (s - k)+ ; candidate = max(s, beta*C)
function run(f, o) {
  const n = f.sP.length; const s = new Float64Array(n);
  let C = 0;
  for (let i = 0; i < n; i++) {
    const v = Math.max(0, Math.max(f.sP[i], f.sSh[i], f.sSp[i], f.sRg[i], f.sFl[i]) - L3 - (f.seen[i] > 1000 ? 0.25 * Math.log10(f.seen[i] / 1000) : 0));
    C = C * o.rho + Math.max(0, v - o.k);
    s[i] = Math.max(v, o.beta * C);
  }
  return toScore(onset(s));
}
const show = (label, o) => console.log(label.padEnd(34), fmt(evaluate(files, (f) => run(f, o))));
show('base', { rho: 0, k: 0, beta: 0 });
for (const k of [1, 1.5]) for (const rho of [0.5, 0.8, 0.9]) for (const beta of [0.3, 0.5, 0.7]) show(`ev k${k} rho${rho} b${beta}`, { k, rho, beta });
