import { load, evaluate, fmt, onset, toScore, compare } from './simlib.mjs';
const files = load();
const L3 = Math.log10(3);
// alarm-rate self-consistency: a reported onset of surprise s is capped by the series' own rate of
// past reports at least that large: s_ep = -log10((#past reports >= s + a)/(n+1)) - c
function run(f, o) {
  const n = f.sP.length; const s = new Float64Array(n);
  for (let i = 0; i < n; i++) s[i] = Math.max(0, Math.max(f.sP[i], f.sSh[i], f.sSp[i], f.sRg[i], f.sFl[i]) - L3 - (f.seen[i] > 1000 ? 0.25 * Math.log10(f.seen[i] / 1000) : 0));
  const out = onset(s);
  const past = [];
  const L = o.L ?? 1, a = o.a ?? 0.5;
  for (let i = 0; i < n; i++) {
    if (out[i] === s[i] && s[i] >= L) {
      let ge = 0; for (const p of past) if (p >= s[i] - (o.tol ?? 0)) ge++;
      const sep = -Math.log10((ge + a) / (f.seen[i] + 1)) - o.c;
      if (o.mode === 'min') out[i] = Math.min(s[i], sep);
      else if (o.mode === 'mix') out[i] = Math.min(s[i], (s[i] + sep) / 2);
      past.push(s[i]);
    }
  }
  return toScore(out);
}
const show = (label, o) => console.log(label.padEnd(34), fmt(evaluate(files, (f) => run(f, o))));
show('base', { c: 0 });
for (const mode of ['min', 'mix']) for (const c of [0, 0.5, 1, 1.5, 2]) for (const a of [0.5, 2]) show(`${mode} c${c} a${a}`, { mode, c, a });
