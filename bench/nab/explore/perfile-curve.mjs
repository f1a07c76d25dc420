import { load } from './simlib.mjs';
import { nabScore, NAB_PROFILES } from '../../../dist/analyze/anomaly/nab-score.js';
const files = load();
const ths = []; for (let d = 1.0; d <= 3.81; d += 0.2) ths.push(d);
console.log(''.padEnd(44) + ths.map((d) => d.toFixed(1).padStart(6)).join(''));
for (const f of files) {
  const row = ths.map((d) => { const t = 1 - Math.pow(10, -d); const r = nabScore([{ ...f, scores: f.base.map((s) => (s >= t ? 1 : 0)) }], NAB_PROFILES.standard); return r.raw.toFixed(2).padStart(6); });
  const v = Array.from(f.values).filter(Number.isFinite).sort((a, b) => a - b);
  console.log(f.name.slice(0, 44).padEnd(44) + row.join('') + `  med ${v[v.length >> 1].toPrecision(3)} p99 ${v[Math.floor(v.length * 0.99)].toPrecision(3)}`);
}
