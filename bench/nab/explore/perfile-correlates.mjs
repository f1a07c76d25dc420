// ANALYSIS: which file statistics line up with each file's own optimal threshold?
import { load, onset, rawAt } from './simlib.mjs';
const files = load();
const L3 = Math.log10(3);
const ths = []; for (let d = 1.0; d <= 4.5; d += 0.05) ths.push(d);
const rows = [];
for (const f of files) {
  if (!f.windows.length) continue;
  const raws = ths.map((d) => rawAt({ ...f, scores: f.base }, 1 - Math.pow(10, -d)).raw);
  const mx = Math.max(...raws);
  const ok = ths.filter((d, k) => raws[k] >= mx - 0.06);
  const lo = ok[0], hi = ok[ok.length - 1];
  if (hi - lo > 1) continue; // uninformative
  const n = f.sP.length;
  const s = new Float64Array(n); for (let i = 0; i < n; i++) s[i] = Math.max(0, Math.max(f.sP[i], f.sSh[i], f.sSp[i], f.sRg[i], f.sFl[i]) - L3 - (f.seen[i] > 1000 ? 0.25 * Math.log10(f.seen[i] / 1000) : 0));
  const out = onset(s);
  let rep15 = 0; for (let i = 0; i < n; i++) if (out[i] === s[i] && s[i] >= 1.5) rep15++;
  rows.push({ name: f.name.split('/')[1].slice(0, 24), mid: (lo + hi) / 2, logn: Math.log10(n), lognw: Math.log10(n / f.windows.length), rep: Math.log10(1 + rep15), reprate: Math.log10((1 + rep15) / n) });
}
const rank = (a) => { const o = a.map((v, i) => [v, i]).sort((x, y) => x[0] - y[0]); const r = new Array(a.length); o.forEach(([, i], k) => (r[i] = k)); return r; };
const sp = (a, b) => { const ra = rank(a), rb = rank(b), m = a.length; let d = 0; for (let i = 0; i < m; i++) d += (ra[i] - rb[i]) ** 2; return 1 - (6 * d) / (m * (m * m - 1)); };
for (const r of rows) console.log(r.name.padEnd(24), r.mid.toFixed(2), 'logn', r.logn.toFixed(2), 'log n/w', r.lognw.toFixed(2), 'log reports≥1.5', r.rep.toFixed(2));
const mid = rows.map((r) => r.mid);
for (const k of ['logn', 'lognw', 'rep', 'reprate']) console.log(`spearman(own threshold, ${k}) = ${sp(mid, rows.map((r) => r[k])).toFixed(2)}  (m=${rows.length})`);
