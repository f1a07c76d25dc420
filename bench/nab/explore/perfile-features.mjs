import { load, onset } from './simlib.mjs';
import { nabScore, NAB_PROFILES } from '../../../dist/analyze/anomaly/nab-score.js';
const files = load();
const L3 = Math.log10(3);
const ths = []; for (let d = 1.0; d <= 4.5; d += 0.05) ths.push(d);
for (const f of files) {
  const raws = ths.map((d) => { const t = 1 - Math.pow(10, -d); return nabScore([{ ...f, scores: f.base.map((s) => (s >= t ? 1 : 0)) }], NAB_PROFILES.standard).raw; });
  const mx = Math.max(...raws);
  const ok = ths.filter((d, k) => raws[k] >= mx - 0.06);
  const n = f.sP.length;
  const v = Array.from(f.values).filter(Number.isFinite);
  const uniq = new Set(v).size / v.length;
  const ints = v.filter((x) => Number.isInteger(x)).length / v.length;
  // fraction of points with corrected surprise >= 1 and >= 2 (pre-onset)
  let c1 = 0, c2 = 0;
  for (let i = 0; i < n; i++) { const m = Math.max(f.sP[i], f.sSh[i], f.sSp[i], f.sRg[i], f.sFl[i]) - L3; if (m >= 1) c1++; if (m >= 2) c2++; }
  console.log(`${f.name.split('/')[1].slice(0, 26).padEnd(26)} w=${f.windows.length} n=${String(n).padStart(5)} ok=[${ok[0]?.toFixed(2)}, ${ok[ok.length - 1]?.toFixed(2)}] uniq=${uniq.toFixed(3)} int=${ints.toFixed(2)} r1=${(c1 / n * 1000).toFixed(1)} r2=${(c2 / n * 1000).toFixed(2)} n/w=${(n / Math.max(1, f.windows.length)).toFixed(0)}`);
}
