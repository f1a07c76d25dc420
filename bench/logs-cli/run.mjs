// Speed of the `hypercas logs parse` CLI path: read → header parse → PII redaction → template
// mining → (tagging, for -o json) → formatted output, run in-process through the CLI's main()
// (process start-up, ≈1 s of module loading, is left out; output goes to a counting sink).
// Inputs, written to a temp dir and removed after:
//   loghub   each development Loghub-2k log repeated to --lines/8 lines with its digits
//            re-drawn (same shapes, new values), parsed with its header format string
//   unique   never-repeating lines: 60% `connection <new word> closed by peer`, 30% `user <new
//            word> logged in from <ip> after <n> ms`, 10% 1–8 new random words
//   distinct every line 3–12 new random words (nothing ever merges)
// Usage: npx tsc -p tsconfig.build.json && node bench/logs-cli/run.mjs [--lines N] [--unique N] [--only loghub|unique|distinct]
// Speed figures are from a shared 2-core machine: noisy; the load average is printed.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { tmpdir, loadavg } from 'node:os';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { main } from '../../dist/cli/main.js';
import { FORMATS } from '../loghub/formats.mjs';
import { mulberry32 } from '../../dist/analyze/random.js';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (n, d) => { const i = args.indexOf(n); return i >= 0 ? args[i + 1] : d; };
const dataDir = opt('--data', join(here, '../../../shared/bench/loghub-dev'));
const loghubLines = Number(opt('--lines', '800000'));
const uniqueLines = Number(opt('--unique', '200000'));
const only = opt('--only', undefined);

const rnd = mulberry32(12345);
const word = (min, span) => { let w = ''; const n = min + Math.floor(rnd() * span); for (let k = 0; k < n; k++) w += String.fromCharCode(97 + Math.floor(rnd() * 26)); return w; };

const dir = mkdtempSync(join(tmpdir(), 'hc-logs-cli-bench-'));
function writeLines(name, lines) {
  const f = join(dir, name);
  writeFileSync(f, lines.join('\n') + '\n');
  return f;
}

/** Runs `hypercas <argv>` in-process; returns wall ms, CPU ms and output bytes. */
async function run(argv) {
  let bytes = 0;
  let err = '';
  const io = { out: (s) => void (bytes += s.length), err: (s) => void (err += s), isTTY: false, stdin: Readable.from([]) };
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const code = await main(['node', 'hypercas', ...argv], io);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const c = process.cpuUsage(c0);
  if (code !== 0) throw new Error(`hypercas ${argv.join(' ')}: exit ${code}: ${err}`);
  return { ms, cpuMs: (c.user + c.system) / 1000, bytes };
}

const results = [];
async function measure(label, inputs, extra) {
  let lines = 0, ms = 0, cpuMs = 0;
  for (const { file, n, format } of inputs) {
    const r = await run(['logs', 'parse', file, ...(format ? ['--format', format] : []), ...extra]);
    lines += n; ms += r.ms; cpuMs += r.cpuMs;
  }
  const rate = (t) => Math.round(lines / (t / 1000));
  results.push({ label, rate: rate(ms) });
  console.log(`  ${label.padEnd(40)} ${String(lines).padStart(8)} lines  wall ${String(rate(ms)).padStart(8)} lines/s  cpu ${String(rate(cpuMs)).padStart(8)} lines/s`);
}

try {
  // Warm-up: module loading and JIT of the whole path on a small input.
  const warm = writeLines('warm.log', Array.from({ length: 20000 }, (_, i) => `2026-11-22 06:00:0${i % 10},000 INFO [web] GET /api/${i} 200 in ${i % 97} ms user=kim${i}@example.com`));
  await run(['logs', 'parse', warm]);
  await run(['-o', 'json', 'logs', 'parse', warm]);

  console.log(`logs parse, in-process, one thread (shared 2-core machine, load ${loadavg()[0].toFixed(1)}):`);
  if (!only || only === 'loghub') {
    const per = Math.ceil(loghubLines / 8);
    const inputs = Object.entries(FORMATS).map(([S, format]) => {
      const raw = readFileSync(join(dataDir, S, `${S}_2k.log`), 'utf8').split('\n').filter(Boolean);
      const big = [];
      for (let i = 0; big.length < per; i++) {
        const l = raw[i % raw.length];
        big.push(i < raw.length ? l : l.replace(/\d/g, () => String(Math.floor(rnd() * 10))));
      }
      return { file: writeLines(`${S}.log`, big), n: big.length, format };
    });
    await measure('loghub, table, redaction on', inputs, []);
    await measure('loghub, table, --no-redact', inputs, ['--no-redact']);
    // -o json is a global flag: before the command.
    {
      let lines = 0, ms = 0, cpuMs = 0;
      for (const { file, n, format } of inputs) {
        const r = await run(['-o', 'json', 'logs', 'parse', file, '--format', format]);
        lines += n; ms += r.ms; cpuMs += r.cpuMs;
      }
      console.log(`  ${'loghub, -o json (records + tags)'.padEnd(40)} ${String(lines).padStart(8)} lines  wall ${String(Math.round(lines / (ms / 1000))).padStart(8)} lines/s  cpu ${String(Math.round(lines / (cpuMs / 1000))).padStart(8)} lines/s`);
      results.push({ label: 'json', rate: Math.round(lines / (ms / 1000)) });
    }
  }
  if (!only || only === 'unique') {
    const lines = [];
    for (let i = 0; i < uniqueLines; i++) {
      const x = rnd();
      if (x < 0.6) lines.push(`connection ${word(4, 6)} closed by peer`);
      else if (x < 0.9) lines.push(`user ${word(4, 6)} logged in from 10.0.${i % 256}.${i % 7} after ${i % 1000} ms`);
      else lines.push(Array.from({ length: 1 + Math.floor(rnd() * 8) }, () => word(4, 6)).join(' '));
    }
    const inputs = [{ file: writeLines('unique.log', lines), n: lines.length }];
    await measure('never-repeating, table', inputs, []);
    await measure('never-repeating, --print templates', inputs, ['--print', 'templates']);
  }
  if (!only || only === 'distinct') {
    const lines = Array.from({ length: uniqueLines }, () => Array.from({ length: 3 + Math.floor(rnd() * 10) }, () => word(3, 7)).join(' '));
    await measure('all-distinct, table', [{ file: writeLines('distinct.log', lines), n: lines.length }], []);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const get = (l) => results.find((r) => r.label.startsWith(l))?.rate ?? 'n/a';
console.log(`logs-cli parse+redact lines/s: loghub=${get('loghub, table, redaction')} json+tags=${get('json')} never-repeating=${get('never-repeating, table')} all-distinct=${get('all-distinct')}`);
