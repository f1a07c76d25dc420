import { load, evaluate, fmt, onset, toScore } from './simlib.mjs';
const files = load();
const L3 = Math.log10(3);
// pseudo-count / upper-confidence tail estimate, reconstructed from p
function adj(s, n, o) {
  if (s <= 0) return s;
  const p = Math.pow(10, -s);
  const base = 0.5 / (n + 1);
  let q;
  if (p < base) { q = o.a / (n + 1) * (p / base); if (o.c) q = (o.a + o.c) / (n + 1) * (p / base); } // record: keep Pareto ratio
  else { const k = p * (n + 1) - 0.5; q = (k + o.a + (o.c ? o.c * Math.sqrt(k + 1) : 0)) / (n + 1); }
  return -Math.log10(Math.min(1, q));
}
function run(f, o) {
  const n = f.sP.length; const s = new Float64Array(n);
  const pen = o.pen ?? 0.25, ref = o.ref ?? 1000;
  for (let i = 0; i < n; i++) {
    const m = f.seen[i] - 21;
    const a = adj(f.sP[i], m, o), b = adj(f.sSh[i], m, o), c = adj(f.sSp[i], m, o);
    s[i] = Math.max(0, Math.max(a, b, c) - L3 - (f.seen[i] > ref ? pen * Math.log10(f.seen[i] / ref) : 0));
  }
  return toScore(onset(s, o.onset));
}
const show = (label, o) => console.log(label.padEnd(34), fmt(evaluate(files, (f) => run(f, o))));
show('a0.5 (base)', { a: 0.5 });
for (const a of [0.25, 1, 2]) show(`a${a}`, { a });
for (const c of [0.5, 1, 2]) show(`ucb c${c}`, { a: 0.5, c });
for (const c of [0.5, 1]) for (const pen of [0.1, 0.15]) show(`ucb c${c} pen${pen}`, { a: 0.5, c, pen });
