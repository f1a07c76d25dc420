// Tuning aid: is detector B better than detector A beyond one window flipping? Scores the NAB
// development files with two builds (dist directories, or one build with two option sets), then
// over many random halves of the files (each half with its own optimal thresholds, as NAB does)
// reports how often and by how much B beats A per profile. A change that only helps a few files
// wins about half of the splits; a general one wins most of them.
// Usage: node bench/nab/compare.mjs [--a DIST] [--b DIST] [--opts-a JSON] [--opts-b JSON] [--splits 200]
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const arg = (k, d) => (args.indexOf(k) >= 0 ? args[args.indexOf(k) + 1] : d);
const distA = resolve(arg('--a', join(here, '../../dist')));
const distB = resolve(arg('--b', distA));
const optsA = JSON.parse(arg('--opts-a', '{}'));
const optsB = JSON.parse(arg('--opts-b', '{}'));
const splits = Number(arg('--splits', '200'));
const root = arg('--data', join(here, '../../../shared/bench/nab-dev'));

const load = async (dist) => ({
  pipeline: await import(pathToFileURL(join(dist, 'analyze/anomaly/pipeline.js')).href),
  csv: await import(pathToFileURL(join(dist, 'collect/metrics/csv.js')).href),
  ts: await import(pathToFileURL(join(dist, 'collect/metrics/timestamp.js')).href),
  nab: await import(pathToFileURL(join(dist, 'analyze/anomaly/nab-score.js')).href),
});
const A = await load(distA);
const B = distB === distA ? A : await load(distB);
const { nabScore, NAB_PROFILES } = A.nab;

const labels = JSON.parse(readFileSync(join(root, 'labels/combined_windows.json'), 'utf8'));
const filesA = [];
const filesB = [];
for (const cat of readdirSync(join(root, 'data')).sort())
  for (const f of readdirSync(join(root, 'data', cat)).sort()) {
    if (!f.endsWith('.csv')) continue;
    const name = `${cat}/${f}`;
    const text = readFileSync(join(root, 'data', cat, f), 'utf8');
    const { series } = A.csv.readMetricCsv(text, name, { keepBadRows: true });
    const windows = (labels[name] ?? []).map(([a, b]) => [A.ts.parseTimestamp(a), A.ts.parseTimestamp(b)]);
    const base = { name, timestamps: series[0].timestamps, windows };
    filesA.push({ ...base, scores: A.pipeline.scoresForSeries(series[0], optsA) });
    filesB.push({ ...base, scores: B.pipeline.scoresForSeries(series[0], optsB) });
  }

// Seeded shuffle (mulberry32) so runs are comparable.
let seed = 12345;
const rand = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const n = filesA.length;
const profiles = Object.keys(NAB_PROFILES);
const stats = Object.fromEntries(profiles.map((p) => [p, { wins: 0, ties: 0, diffs: [] }]));
for (let s = 0; s < splits; s++) {
  const idx = [...Array(n).keys()];
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [idx[i], idx[j]] = [idx[j], idx[i]];
  }
  const half = idx.slice(0, Math.floor(n / 2));
  for (const p of profiles) {
    const a = nabScore(half.map((i) => filesA[i]), NAB_PROFILES[p]).score;
    const b = nabScore(half.map((i) => filesB[i]), NAB_PROFILES[p]).score;
    const st = stats[p];
    st.diffs.push(b - a);
    if (Math.abs(b - a) < 1e-9) st.ties++;
    else if (b > a) st.wins++;
  }
}
const fmt = (x) => (x >= 0 ? '+' : '') + x.toFixed(2);
const line = [];
for (const p of profiles) {
  const all = nabScore(filesB, NAB_PROFILES[p]).score - nabScore(filesA, NAB_PROFILES[p]).score;
  const d = stats[p].diffs.sort((x, y) => x - y);
  const mean = d.reduce((s, x) => s + x, 0) / d.length;
  const q = (f) => d[Math.min(d.length - 1, Math.floor(f * d.length))];
  console.log(`${p.padEnd(20)} all ${fmt(all)}  halves: mean ${fmt(mean)}  p10 ${fmt(q(0.1))}  median ${fmt(q(0.5))}  p90 ${fmt(q(0.9))}  B better in ${stats[p].wins}/${splits} (ties ${stats[p].ties})`);
  line.push(`${{ standard: 'standard', reward_low_FP_rate: 'lowFP', reward_low_FN_rate: 'lowFN' }[p]}=${fmt(mean)}(${Math.round((100 * stats[p].wins) / splits)}%)`);
}
console.log(`compare B−A over ${splits} random halves: ${line.join(' ')}`);
