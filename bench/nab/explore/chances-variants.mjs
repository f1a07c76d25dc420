import { load, evaluate, fmt, onset, toScore } from './simlib.mjs';
const files = load();
const L3 = Math.log10(3);
function tauSeries(f, o) {
  const src = o.src ?? 'max', mem = o.mem ?? 5000, cap = o.cap ?? 0.98;
  const n = f.sP.length, out = new Float64Array(n);
  let m = 0, v = 0, c = 0, prev = NaN, cnt = 0;
  for (let i = 0; i < n; i++) {
    const x = src === 'max' ? Math.max(f.sP[i], f.sSh[i], f.sSp[i], f.sRg[i], f.sFl[i]) : src === 'pt' ? f.sP[i] : src === 'sum' ? f.sP[i] + f.sSh[i] + f.sSp[i] : f.sSh[i];
    let tau = 1;
    if (cnt > 50 && v > 0) { const rho = Math.max(0, Math.min(cap, c / v)); tau = o.tauForm === 'lin' ? 1 / (1 - rho) : (1 + rho) / (1 - rho); }
    out[i] = o.fixTau ?? tau;
    if (Number.isFinite(x) && f.seen[i] > 21) {
      cnt++; const a = 1 / Math.min(cnt, mem);
      const dm = x - m; m += a * dm; v += a * (dm * (x - m) - v);
      if (!Number.isNaN(prev)) c += a * ((x - m) * (prev - m) - c);
      prev = x;
    }
  }
  return out;
}
function run(f, o) {
  const n = f.sP.length; const s = new Float64Array(n); const tau = tauSeries(f, o);
  for (let i = 0; i < n; i++) {
    const neff = f.seen[i] / tau[i];
    const h = neff > o.ref ? o.pen * Math.log10(neff / o.ref) : 0;
    s[i] = Math.max(0, Math.max(f.sP[i], f.sSh[i], f.sSp[i], f.sRg[i], f.sFl[i]) - L3 - h);
  }
  return toScore(onset(s));
}
const show = (label, o) => console.log(label.padEnd(40), fmt(evaluate(files, (f) => run(f, o))));
for (const pen of [0.25, 0.3, 0.35]) for (const ref of [500, 1000, 1500]) show(`plain pen${pen} ref${ref}`, { pen, ref, fixTau: 1 });
for (const mem of [1000, 2000, 20000]) for (const [pen, ref] of [[0.3, 250], [0.35, 300]]) show(`max mem${mem} pen${pen} ref${ref}`, { pen, ref, mem });
for (const src of ['pt', 'sum', 'sh']) for (const [pen, ref] of [[0.3, 250], [0.35, 300]]) show(`${src} pen${pen} ref${ref}`, { pen, ref, src });
for (const cap of [0.9, 0.95]) for (const [pen, ref] of [[0.3, 250], [0.35, 300]]) show(`cap${cap} pen${pen} ref${ref}`, { pen, ref, cap });
for (const [pen, ref] of [[0.3, 250], [0.3, 500], [0.35, 300], [0.35, 500]]) show(`lin pen${pen} ref${ref}`, { pen, ref, tauForm: 'lin' });
import { compare } from './simlib.mjs';
console.log('--- base -> tau mem1000 pen0.3 ref250');
compare(files, (f) => run(f, { pen: 0.25, ref: 1000, fixTau: 1 }), (f) => run(f, { pen: 0.3, ref: 250, mem: 1000 }));
console.log('--- plain pen0.3 ref1500 -> tau mem1000 pen0.3 ref250');
compare(files, (f) => run(f, { pen: 0.3, ref: 1500, fixTau: 1 }), (f) => run(f, { pen: 0.3, ref: 250, mem: 1000 }));
