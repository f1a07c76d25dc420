// NAB benchmark on the development half: scores every file with the same code path as
// `hypercas anomaly FILE --scores`, then applies NAB's scoring (see src/analyze/anomaly/nab-score.ts).
// Usage: node bench/nab/run.mjs [--data ../shared/bench/nab-dev] [--per-file] [--verbose] [--fold A|B] [--opts JSON]
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scoresForSeries } from '../../dist/analyze/anomaly/pipeline.js';
import { readMetricCsv } from '../../dist/collect/metrics/csv.js';
import { nabScore, NAB_PROFILES, scaledSigmoid, probationaryLength } from '../../dist/analyze/anomaly/nab-score.js';
import { parseTimestamp } from '../../dist/collect/metrics/timestamp.js';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const dataArg = args.indexOf('--data');
const root = dataArg >= 0 ? args[dataArg + 1] : join(here, '../../../shared/bench/nab-dev');
const perFile = args.includes('--per-file');
// Per-window breakdown: where each file wins and loses points under the standard profile.
const verbose = args.includes('--verbose');
// Tuning only: detector options as JSON (the reported figure uses the defaults).
const optArg = args.indexOf('--opts');
const detOpts = optArg >= 0 ? JSON.parse(args[optArg + 1]) : {};
// Tuning only: score one half of an alternating split of the files (A = 1st, 3rd, …; B = 2nd, 4th, …),
// to tell a real gain from one window flipping.
const foldArg = args.indexOf('--fold');
const fold = foldArg >= 0 ? args[foldArg + 1] : undefined;

const labels = JSON.parse(readFileSync(join(root, 'labels/combined_windows.json'), 'utf8'));
const files = [];
let points = 0;
let scoringMs = 0;
let fileNo = 0;
for (const cat of readdirSync(join(root, 'data')).sort()) {
  for (const f of readdirSync(join(root, 'data', cat)).sort()) {
    if (!f.endsWith('.csv')) continue;
    const name = `${cat}/${f}`;
    const k = fileNo++;
    if (fold && (fold === 'A') !== (k % 2 === 0)) continue;
    const text = readFileSync(join(root, 'data', cat, f), 'utf8');
    // Same calls as `hypercas anomaly FILE --scores`: read with bad rows kept, score with defaults.
    const { series } = readMetricCsv(text, name, { keepBadRows: true });
    const { timestamps } = series[0];
    const t0 = performance.now();
    const scores = scoresForSeries(series[0], detOpts);
    scoringMs += performance.now() - t0;
    points += scores.length;
    const windows = (labels[name] ?? []).map(([a, b]) => [parseTimestamp(a), parseTimestamp(b)]);
    files.push({ name, timestamps, values: series[0].values, scores, windows });
  }
}
// Speed: score every file again with the JIT warm (the first pass includes compilation).
let warmMs = 0;
const cpu0 = process.cpuUsage();
for (const f of files) {
  const series = { metric: f.name, labels: {}, timestamps: f.timestamps, values: f.values };
  const t0 = performance.now();
  scoresForSeries(series, detOpts);
  warmMs += performance.now() - t0;
}
const cpu = process.cpuUsage(cpu0);
const warmCpuMs = (cpu.user + cpu.system) / 1000;
const res = {};
for (const [k, p] of Object.entries(NAB_PROFILES)) res[k] = nabScore(files, p);
if (perFile) {
  for (const f of files) {
    const r = nabScore([f], NAB_PROFILES.standard);
    const t = res.standard.threshold;
    const det = Array.from(f.scores).filter((s) => s >= t).length;
    const idx = new Map(Array.from(f.timestamps, (t, i) => [t, i]));
    const wi = f.windows.map(([a, b]) => [idx.get(a), idx.get(b)]);
    const hits = [];
    for (let i = 0; i < f.scores.length; i++) if (f.scores[i] >= t) hits.push(wi.some(([a, b]) => i >= a && i <= b) ? `${i}*` : `${i}`);
    console.log(`${f.name.padEnd(56)} n=${f.scores.length} win=${wi.map(([a, b]) => a + '-' + b).join(',')} det=${det} [${hits.slice(0, 60).join(' ')}]`);
  }
}
if (verbose) {
  // Recomputes each file's share of the standard raw score at the chosen threshold: per window the
  // credit of its first detection (or MISS = −fnWeight), per detection outside windows its cost.
  const p = NAB_PROFILES.standard;
  const t = res.standard.threshold;
  const maxTP = scaledSigmoid(-1);
  for (const f of files) {
    const n = f.scores.length;
    const prob = probationaryLength(n);
    const idx = new Map(Array.from(f.timestamps, (ts, i) => [ts, i]));
    const wi = f.windows.map(([a, b]) => [idx.get(a), idx.get(b)]);
    let raw = 0;
    const wins = [];
    for (const [a, b] of wi) {
      if (b < prob) continue;
      let first = -1;
      for (let i = Math.max(a, prob); i <= b && first < 0; i++) if (f.scores[i] >= t) first = i;
      if (first < 0) {
        raw -= p.fnWeight;
        wins.push(`${a}-${b}:MISS`);
      } else {
        const c = (scaledSigmoid(-(b - first + 1) / (b - a + 1)) * p.tpWeight) / maxTP;
        raw += c;
        wins.push(`${a}-${b}:@${first}(+${c.toFixed(2)})`);
      }
    }
    const fps = [];
    let k = 0;
    let prevR = -1;
    let prevW = 0;
    for (let i = 0; i < n; i++) {
      while (k < wi.length && i > wi[k][1]) {
        prevR = wi[k][1];
        prevW = wi[k][1] - wi[k][0] + 1;
        k++;
      }
      const inWin = k < wi.length && i >= wi[k][0];
      if (i < prob || inWin || !(f.scores[i] >= t)) continue;
      const c = scaledSigmoid(prevR < 0 || prevW <= 1 ? 3 : Math.abs(prevR - i) / (prevW - 1)) * p.fpWeight;
      raw += c;
      fps.push(`${i}(${c.toFixed(2)})`);
    }
    console.log(`${f.name.padEnd(56)} ${raw.toFixed(2).padStart(6)} ${wins.join(' ')}${fps.length ? ` FP×${fps.length}: ${fps.slice(0, 12).join(' ')}${fps.length > 12 ? ' …' : ''}` : ''}`);
  }
}
for (const [k, r] of Object.entries(res))
  console.log(`${k}: threshold=${r.threshold.toFixed(4)} raw=${r.raw.toFixed(2)} null=${r.null} tp=${r.tp} fn=${r.fn} fp=${r.fp} score=${r.score.toFixed(1)}`);
const pps = (ms) => Math.round(points / (ms / 1000)).toLocaleString('en');
console.log(`files=${files.length} points=${points} scoring: first pass ${scoringMs.toFixed(0)} ms (${pps(scoringMs)} points/s), warm ${warmMs.toFixed(0)} ms wall (${pps(warmMs)} points/s), ${warmCpuMs.toFixed(0)} ms CPU (${pps(warmCpuMs)} points/s per core-second); shared machine: wall figures are noisy`);
console.log(`NAB standard=${res.standard.score.toFixed(1)} lowFP=${res.reward_low_FP_rate.score.toFixed(1)} lowFN=${res.reward_low_FN_rate.score.toFixed(1)}`);
