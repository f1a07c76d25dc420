import { load, evaluate, fmt, onset, toScore } from './simlib.mjs';
const files = load();
console.log('detector', fmt(evaluate(files, (f) => f.base)));
const base = (f, pen = 0.25, ref = 1000) => {
  const n = f.sP.length; const s = new Float64Array(n);
  for (let i = 0; i < n; i++) { const m = Math.max(f.sP[i], f.sSh[i], f.sSp[i], f.sRg[i], f.sFl[i]); s[i] = Math.max(0, m - Math.log10(3) - (f.seen[i] > ref ? pen * Math.log10(f.seen[i] / ref) : 0)); }
  return toScore(onset(s));
};
console.log('replay of the old points-count correction (0.25, 1000)', fmt(evaluate(files, (f) => base(f))));
