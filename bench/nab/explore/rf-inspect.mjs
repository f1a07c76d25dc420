// Lists every range/flat firing (score >= thr) on NAB dev: file, index, z (excess in SDs / run length),
// reference, level z, score, labelled window. Usage: node bench/nab/explore/rf-inspect.mjs [thr 0.99] [opts JSON] [--all]
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scoreSeries } from '../../../dist/analyze/anomaly/detector.js';
import { readMetricCsv } from '../../../dist/collect/metrics/csv.js';
import { parseTimestamp } from '../../../dist/collect/metrics/timestamp.js';
const root = join(dirname(fileURLToPath(import.meta.url)), '../../../../shared/bench/nab-dev');
const args = process.argv.slice(2);
const thr = Number(args[0] ?? 0.99);
const opts = JSON.parse(args[1] ?? '{}');
const labels = JSON.parse(readFileSync(join(root, 'labels/combined_windows.json'), 'utf8'));
for (const cat of readdirSync(join(root, 'data')).sort()) for (const f of readdirSync(join(root, 'data', cat)).sort()) {
  const name = `${cat}/${f}`;
  const { series } = readMetricCsv(readFileSync(join(root, 'data', cat, f), 'utf8'), name, { keepBadRows: true });
  const s = series[0];
  const r = scoreSeries(s.timestamps, s.values, opts, true);
  const ex = r.explanation;
  const win = (labels[name] ?? []).map(([a, b]) => [parseTimestamp(a), parseTimestamp(b)]);
  for (let i = 0; i < r.scores.length; i++) {
    const c = ex.component[i];
    if ((c === 'range' || c === 'flat') && (r.scores[i] >= thr || args.includes('--all'))) {
      const t = s.timestamps[i];
      const w = win.findIndex(([a, b]) => t >= a && t <= b);
      const sd = ex.band[i] / 3;
      console.log(name.padEnd(58), String(i).padStart(6), c.padEnd(6), 'z', ex.z[i].toFixed(2).padStart(8), 'ref', ex.reference[i].toPrecision(5), 'x', s.values[i].toPrecision(5), 'exp', ex.expected[i].toPrecision(5), 'sd', sd.toPrecision(3), 'zlev', ((s.values[i]-ex.expected[i])/sd).toFixed(1), 'score', r.scores[i].toFixed(5), w >= 0 ? `WINDOW ${w}` : '');
    }
  }
}
