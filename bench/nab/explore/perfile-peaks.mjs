import { load } from './simlib.mjs';
import { probationaryLength } from '../../../dist/analyze/anomaly/nab-score.js';
const files = load();
const dec = (t) => -Math.log10(Math.max(1e-16, 1 - t));
for (const f of files) {
  const n = f.base.length, prob = probationaryLength(n);
  const idx = new Map(Array.from(f.timestamps, (t, i) => [t, i]));
  const wi = f.windows.map(([a, b]) => [idx.get(a), idx.get(b)]);
  const items = [];
  for (let i = prob; i < n; i++) { const d = dec(f.base[i]); if (d >= 1.0) { const w = wi.findIndex(([a, b]) => i >= a && i <= b); items.push([d, i, w]); } }
  items.sort((a, b) => b[0] - a[0]);
  const wmax = wi.map(([a, b]) => { let m = 0, at = -1; for (let i = Math.max(a, prob); i <= b; i++) { const d = dec(f.base[i]); if (d > m) { m = d; at = i; } } return `${m.toFixed(2)}@${at}`; });
  console.log(`${f.name} n=${n} wmax=[${wmax.join(' ')}]\n   ` + items.slice(0, 25).map(([d, i, w]) => `${d.toFixed(2)}${w >= 0 ? 'W' + w : ''}:${f.comp[i][0]}${f.comp[i][1]}`).join(' '));
}
