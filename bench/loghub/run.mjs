// Loghub-2k template-mining benchmark (development half).
// Truth: <S>_2k.log_structured_corrected.csv (Khan et al.'s corrected templates).
// The header format string is the only per-dataset input (logparser's benchmark settings).
// Metrics as in Zhu et al. (GA) and Loghub-2.0 (PA, FGA, FTA); templates compared after
// whitespace collapse and merging of adjacent `<*>` on both sides.
// Usage: node bench/loghub/run.mjs [--data DIR] [--lines N] [--no-speed] [--only A,B] [--truth corrected|loghub2]
//        [--groups | --padiff | --diff]   (diagnostics: grouping errors, template mismatches by lines)
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TemplateMiner } from '../../dist/analyze/logs/miner.js';
import { compileFormat } from '../../dist/analyze/logs/header.js';
import { FORMATS } from './formats.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (n, d) => { const i = args.indexOf(n); return i >= 0 ? args[i + 1] : d; };
const dataDir = opt('--data', join(here, '../../../shared/bench/loghub-dev'));
const speedLines = Number(opt('--lines', '1024000'));
const only = opt('--only', undefined);
// Which ground truth: 'corrected' (Khan et al., the default and the headline) or 'loghub2'.
const truthKind = opt('--truth', 'corrected');

function parseCsv(text) {
  const rows = [];
  let row = [], field = '', q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) {
      if (c === '"') { if (text[i + 1] === '"') { field += '"'; i++; } else q = false; }
      else field += c;
    } else if (c === '"') q = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); field = ''; rows.push(row); row = [];
    } else field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  const head = rows.shift();
  return rows.filter((r) => r.length === head.length).map((r) => Object.fromEntries(head.map((h, i) => [h, r[i]])));
}

export function normalise(t) {
  let s = t.trim().replace(/\s+/g, ' ');
  while (s.includes('<*><*>')) s = s.replaceAll('<*><*>', '<*>');
  return s;
}

export function evaluate(truth, predGroup, predTemplate) {
  const n = truth.length;
  const gt = new Map(), pr = new Map();
  for (let i = 0; i < n; i++) {
    (gt.get(truth[i]) ?? gt.set(truth[i], []).get(truth[i])).push(i);
    (pr.get(predGroup[i]) ?? pr.set(predGroup[i], []).get(predGroup[i])).push(i);
  }
  let gaLines = 0, goodGroups = 0, goodTemplates = 0, paLines = 0;
  for (const [, idx] of pr) {
    const t = truth[idx[0]];
    const ok = idx.every((i) => truth[i] === t) && gt.get(t).length === idx.length;
    if (ok) {
      gaLines += idx.length; goodGroups++;
      if (normalise(predTemplate[idx[0]]) === normalise(t)) goodTemplates++;
    }
  }
  for (let i = 0; i < n; i++) if (normalise(predTemplate[i]) === normalise(truth[i])) paLines++;
  const f1 = (c) => { const p = c / pr.size, r = c / gt.size; return p + r === 0 ? 0 : (2 * p * r) / (p + r); };
  return { GA: gaLines / n, PA: paLines / n, FGA: f1(goodGroups), FTA: f1(goodTemplates), groups: pr.size, truthGroups: gt.size };
}

function runDataset(S) {
  const parser = compileFormat(FORMATS[S]);
  const raw = readFileSync(join(dataDir, S, `${S}_2k.log`), 'utf8').split('\n');
  if (raw[raw.length - 1] === '') raw.pop();
  const rows = parseCsv(readFileSync(join(dataDir, S, `${S}_2k.log_structured_${truthKind === 'loghub2' ? 'loghub2' : 'corrected'}.csv`), 'utf8'));
  const miner = new TemplateMiner();
  const shapes = raw.map((l) => miner.add(parser.messageOf(l) ?? l));
  miner.merge();
  const truth = rows.map((r) => r.EventTemplate);
  const predGroup = shapes.map((s) => miner.groupOf(s));
  const predTemplate = shapes.map((s) => miner.templateOf(s));
  return { r: evaluate(truth, predGroup, predTemplate), rows, predTemplate, raw };
}

function speed() {
  // A large input: each dev log repeated with its digits re-randomised (new values, same shapes).
  const per = Math.ceil(speedLines / 8);
  let lines = 0, ms = 0, cpuMs = 0, mineMs = 0, mineCpuMs = 0;
  let seed = 12345;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % 10);
  for (const S of Object.keys(FORMATS)) {
    const raw = readFileSync(join(dataDir, S, `${S}_2k.log`), 'utf8').split('\n').filter(Boolean);
    const big = [];
    for (let i = 0; big.length < per; i++) {
      const l = raw[i % raw.length];
      big.push(i < raw.length ? l : l.replace(/\d/g, () => String(rnd())));
    }
    const parser = compileFormat(FORMATS[S]);
    // Timed in two steps (header parse, then mining) so both figures can be reported.
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    const msgs = new Array(big.length);
    for (let i = 0; i < big.length; i++) msgs[i] = parser.messageOf(big[i]) ?? big[i];
    const t1 = process.hrtime.bigint();
    const c1 = process.cpuUsage();
    const miner = new TemplateMiner();
    for (let i = 0; i < msgs.length; i++) miner.add(msgs[i]);
    miner.merge();
    const t2 = process.hrtime.bigint();
    const c2 = process.cpuUsage(c1);
    const ch = { user: c1.user - c0.user, system: c1.system - c0.system };
    ms += Number(t2 - t0) / 1e6;
    mineMs += Number(t2 - t1) / 1e6;
    cpuMs += (ch.user + ch.system + c2.user + c2.system) / 1000;
    mineCpuMs += (c2.user + c2.system) / 1000;
    lines += big.length;
  }
  return { lines, ms, cpuMs, mineMs, mineCpuMs };
}

const names = only ? only.split(',') : Object.keys(FORMATS).filter((S) => truthKind !== 'loghub2' || S !== 'Android');
const sum = { GA: 0, PA: 0, FGA: 0, FTA: 0 };
const f = (x) => x.toFixed(4);
for (const S of names) {
  const { r, rows, predTemplate } = runDataset(S);
  for (const k of Object.keys(sum)) sum[k] += r[k];
  console.log(`${S.padEnd(10)} GA=${f(r.GA)} PA=${f(r.PA)} FGA=${f(r.FGA)} FTA=${f(r.FTA)} groups=${r.groups}/${r.truthGroups}`);
  if (args.includes('--groups')) {
    // Grouping errors: predicted groups that are not exactly one true group, biggest first.
    const pg = new Map();
    const shapes = predTemplate;
    rows.forEach((row, i) => { const k = shapes[i]; (pg.get(k) ?? pg.set(k, []).get(k)).push(row.EventTemplate); });
    const tc = new Map(); rows.forEach((r) => tc.set(r.EventTemplate, (tc.get(r.EventTemplate) ?? 0) + 1));
    const bad = [];
    for (const [k, ts] of pg) { const u = [...new Set(ts)]; if (u.length > 1 || tc.get(u[0]) !== ts.length) bad.push([ts.length, k, u.slice(0, 4).map((t) => `${t} (${ts.filter((x) => x === t).length}/${tc.get(t)})`)]); }
    bad.sort((a, b) => b[0] - a[0]);
    for (const [n, k, u] of bad.slice(0, 25)) console.log(`  [${n}] pred: ${k}\n      true: ${u.join('\n            ')}`);
  }
  if (args.includes('--padiff')) {
    // Template mismatches by line count.
    const m = new Map();
    for (let i = 0; i < rows.length; i++) {
      const a = normalise(predTemplate[i]), b = normalise(rows[i].EventTemplate);
      if (a !== b) { const k = a + '\n      true: ' + b; m.set(k, (m.get(k) ?? 0) + 1); }
    }
    for (const [k, n] of [...m].sort((x, y) => y[1] - x[1]).slice(0, 15)) console.log(`  [${n}] pred: ${k}`);
  }
  if (args.includes('--diff')) {
    const seen = new Set();
    for (let i = 0; i < rows.length; i++) {
      const a = normalise(predTemplate[i]), b = normalise(rows[i].EventTemplate);
      if (a !== b && !seen.has(a + b)) { seen.add(a + b); console.log(`  pred: ${a}\n  true: ${b}`); }
    }
  }
}
if (!args.includes('--no-speed')) {
  const { lines, ms, cpuMs, mineMs, mineCpuMs } = speed();
  // CPU time of this process is the fairer figure on a shared machine (wall time counts waiting for a core).
  const rate = (t) => Math.round(lines / (t / 1000));
  const load = (await import('node:os')).loadavg()[0].toFixed(1);
  console.log(`speed: ${lines} lines, one thread (shared 2-core machine, load ${load}):`);
  console.log(`  header parse + mining: wall ${rate(ms)} lines/s, cpu ${rate(cpuMs)} lines/s`);
  console.log(`  mining only:           wall ${rate(mineMs)} lines/s, cpu ${rate(mineCpuMs)} lines/s`);
}
const k = names.length;
console.log(`Loghub GA=${f(sum.GA / k)} PA=${f(sum.PA / k)} FGA=${f(sum.FGA / k)} FTA=${f(sum.FTA / k)}`);
