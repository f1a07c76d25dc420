// Analysis: each file's own optimal threshold (in decades of surprise) vs the global one.
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scoresForSeries } from '../../../dist/analyze/anomaly/pipeline.js';
import { readMetricCsv } from '../../../dist/collect/metrics/csv.js';
import { nabScore, NAB_PROFILES } from '../../../dist/analyze/anomaly/nab-score.js';
import { parseTimestamp } from '../../../dist/collect/metrics/timestamp.js';
const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../../../../shared/bench/nab-dev');
const args = process.argv.slice(2);
const optArg = args.indexOf('--opts');
const detOpts = optArg >= 0 ? JSON.parse(args[optArg + 1]) : {};
const labels = JSON.parse(readFileSync(join(root, 'labels/combined_windows.json'), 'utf8'));
const files = [];
for (const cat of readdirSync(join(root, 'data')).sort())
  for (const f of readdirSync(join(root, 'data', cat)).sort()) {
    if (!f.endsWith('.csv')) continue;
    const name = `${cat}/${f}`;
    const { series } = readMetricCsv(readFileSync(join(root, 'data', cat, f), 'utf8'), name, { keepBadRows: true });
    const scores = scoresForSeries(series[0], detOpts);
    files.push({ name, timestamps: series[0].timestamps, scores, windows: (labels[name] ?? []).map(([a, b]) => [parseTimestamp(a), parseTimestamp(b)]) });
  }
const dec = (t) => (t > 1 ? Infinity : -Math.log10(Math.max(1e-16, 1 - t)));
const P = NAB_PROFILES.standard;
const g = nabScore(files, P);
console.log('global thr', dec(g.threshold).toFixed(2));
for (const f of files) {
  const own = nabScore([f], P);
  // raw at the global threshold
  const atG = nabScore([{ ...f, scores: f.scores.map((s) => (s >= g.threshold ? 1 : 0)) }], P);
  // range of thresholds achieving own optimum ±0.01
  console.log(`${f.name.padEnd(54)} n=${String(f.scores.length).padStart(5)} w=${f.windows.length} own=${dec(own.threshold).toFixed(2).padStart(5)} raw ${own.raw.toFixed(2)} vs global ${atG.raw.toFixed(2)} gain ${(own.raw - atG.raw).toFixed(2)}`);
}
