import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { Readable } from 'node:stream';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../main.js';
import { openStore } from '../../cmdb/open.js';
import { rng, gauss } from '../../analyze/anomaly/__fixtures__/synth.js';

async function run(...args: string[]) {
  let out = '';
  let err = '';
  const code = await main(['node', 'hypercas', ...args], { out: (s) => void (out += s), err: (s) => void (err += s), isTTY: false, stdin: Readable.from(['']) });
  return { code, out, err };
}

let dir = '';
let csv = '';
const N = 3000;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hc-anomaly-'));
  const r = rng(11);
  const rows = ['timestamp,value'];
  for (let i = 0; i < N; i++) {
    const t = new Date(Date.UTC(2024, 0, 1) + i * 300_000).toISOString().replace('T', ' ').slice(0, 19);
    rows.push(`${t},${(50 + gauss(r) + (i >= 2500 ? 10 : 0)).toFixed(3)}`);
  }
  rows.splice(100, 0, '2024-01-01 08:20:00,oops'); // a bad row: reported, still one score
  csv = join(dir, 'cpu.csv');
  writeFileSync(csv, rows.join('\n') + '\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('hypercas anomaly', () => {
  it('--scores prints exactly one score in [0, 1] per data row and nothing else', async () => {
    const r = await run('anomaly', csv, '--scores');
    const lines = r.out.trimEnd().split('\n');
    expect(lines.length).toBe(N + 1);
    for (const l of lines) {
      expect(l).toMatch(/^\d\.\d+$/);
      expect(Number(l)).toBeLessThanOrEqual(1);
    }
    expect(r.err).toMatch(/cpu\.csv:101: bad value "oops"/);
    expect(r.code).toBe(3); // partial: a bad row was reported
  });

  it('prints the anomalies with their explanation (table and JSON)', async () => {
    const t = await run('anomaly', csv);
    expect(t.out).toMatch(/START\s+END\s+SCORE\s+EXPLANATION/);
    expect(t.out).toMatch(/expected/);
    const j = await run('-o', 'json', 'anomaly', csv);
    const data = JSON.parse(j.out) as Array<{ anomalies: Array<{ start: string; observed: number; expected: number; explanation: string }> }>;
    const hit = data[0].anomalies.find((a) => a.start >= '2024-01-09T16:20' && a.start < '2024-01-09T17:20');
    expect(hit, j.out).toBeDefined();
    expect(hit!.observed).toBeGreaterThan(hit!.expected);
  });

  it('--plot writes a self-contained HTML chart', async () => {
    const html = join(dir, 'plot.html');
    await run('anomaly', csv, '--plot', html);
    const page = readFileSync(html, 'utf8');
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain('<svg');
    expect(page).not.toMatch(/<script|src="http/);
  });

  it('--store adds metric-anomaly events, de-duplicated across runs', async () => {
    const db = join(dir, 'hc.db');
    await run('--db', db, 'anomaly', csv, '--store');
    const s1 = openStore(db);
    const first = s1.listEvents({ type: 'metric-anomaly' });
    s1.close();
    expect(first.length).toBeGreaterThan(0);
    expect(first[0].data.explanation).toBeTruthy();
    await run('--db', db, 'anomaly', csv, '--store');
    const s2 = openStore(db);
    expect(s2.listEvents({ type: 'metric-anomaly' }).length).toBe(first.length);
    s2.close();
  });

  it('reports bad input as one line with the cause', async () => {
    const r = await run('anomaly', join(dir, 'missing.csv'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/missing\.csv: no such file/);
    const p = await run('anomaly', '--prom', 'http://127.0.0.1:1', '--query', 'up', '--start', 'later');
    expect(p.code).toBe(2);
    expect(p.err).toMatch(/bad time "later"/);
  });

  it('--timeout: a bad value is a usage error; a short one gives up on a silent Prometheus (exit 4)', async () => {
    const bad = await run('anomaly', '--prom', 'http://127.0.0.1:1', '--query', 'up', '--timeout', '0');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--timeout must be positive/);
    const { createServer } = await import('node:http');
    const silent = createServer(() => {});
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    try {
      const port = (silent.address() as { port: number }).port;
      const t = await run('anomaly', '--prom', `http://127.0.0.1:${port}`, '--query', 'up', '--start', 'now-10m', '--step', '1m', '--timeout', '100ms');
      expect(t.code).toBe(4);
      expect(t.err).toMatch(/timed out after 100 ms/);
    } finally {
      silent.closeAllConnections();
      await new Promise<void>((r) => silent.close(() => r()));
    }
  }, 20_000);
});
