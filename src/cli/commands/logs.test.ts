import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { main } from '../main.js';
import { randomStream } from '../../analyze/logs/__fixtures__/random-stream.js';

const shop = fileURLToPath(new URL('../../analyze/logs/__fixtures__/shop.log', import.meta.url));

async function run(args: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(['node', 'hypercas', ...args], { out: (s) => void (out += s), err: (s) => void (err += s), isTTY: false, stdin: Readable.from([stdin]) });
  return { code, out, err };
}

describe('hypercas logs parse', () => {
  it('--print templates: one template per input line, in order; malformed lines kept and counted', async () => {
    const r = await run(['logs', 'parse', shop, '--print', 'templates']);
    expect(r.out.split('\n').slice(0, -1)).toEqual([
      'GET <*> <*> in <*> user=<email>',
      'GET <*> <*> in <*> user=<email>',
      'slow query took <*> on table orders',
      'payment failed for order <*>: card <card> declined',
      'not a header line at all',
      'GET <*> <*> in <*> user=<email>',
      'slow query took <*> on table items',
    ]);
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/1 of 7 lines did not match/);
  });
  it('JSON lines with ids, levels and times; no PII in the output', async () => {
    const r = await run(['-o', 'json', 'logs', 'parse', shop]);
    const recs = r.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(recs).toHaveLength(7);
    expect(recs[0]).toMatchObject({ line: 1, level: 'INFO', template: 'GET <*> <*> in <*> user=<email>', time: '2026-11-22T06:00:00.001Z' });
    expect(recs[0].templateId).toBe(recs[1].templateId);
    expect(r.out).not.toMatch(/example\.com|4111/);
  });
  it('ids survive runs through the store', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'hc-logs-')), 'db.sqlite');
    const a = await run(['--db', db, '-o', 'json', 'logs', 'templates', shop, '--store']);
    const b = await run(['--db', db, '-o', 'json', 'logs', 'templates', shop, '--store']);
    const ids = (s: string) => (JSON.parse(s) as Array<{ id: string }>).map((t) => t.id).sort();
    expect(ids(a.out)).toEqual(ids(b.out));
    expect(ids(a.out).length).toBe(5);
  });
});

describe('hypercas logs parse on a large stream', () => {
  it('200k stdin lines of ever-new tokens under --max-shapes: one template per line, evictions reported', async () => {
    const N = 200_000;
    const lines = [...randomStream(N, 5)];
    const stdin = Readable.from((function* () {
      for (let i = 0; i < N; i += 5000) yield lines.slice(i, i + 5000).join('\n') + '\n';
    })());
    let out = '';
    let err = '';
    const code = await main(['node', 'hypercas', 'logs', 'parse', '-', '--print', 'templates', '--max-shapes', '200'], { out: (s) => void (out += s), err: (s) => void (err += s), isTTY: false, stdin });
    expect(code).toBe(0);
    const got = out.split('\n').slice(0, -1);
    expect(got).toHaveLength(N);
    expect(err).toMatch(/template cap \(--max-shapes 200\) reached: \d+ least recently seen templates \(\d+ lines\) evicted/);
    // The recurring messages keep their templates after the first chunk's merge.
    for (let i = 50_000; i < N; i += 997) {
      if (lines[i].startsWith('connection ')) expect(got[i]).toBe('connection <*> closed by peer');
      if (lines[i].startsWith('user ')) expect(got[i]).toBe('user <*> logged in from <*> after <*> ms');
    }
    const bad = await run(['logs', 'parse', '-', '--max-shapes', 'x'], 'a\n');
    expect(bad.code).toBe(2);
  });
});

describe('hypercas logs templates / redact / anomalies', () => {
  it('templates: counts and examples, most frequent first', async () => {
    const r = await run(['-o', 'json', 'logs', 'templates', shop]);
    const t = JSON.parse(r.out) as Array<{ template: string; count: number; example: string }>;
    expect(t[0]).toMatchObject({ template: 'GET <*> <*> in <*> user=<email>', count: 3 });
    expect(t[0].example).toContain('<email>');
  });
  it('redact is a stdin→stdout filter with counts on stderr', async () => {
    const r = await run(['logs', 'redact'], 'mail a@b.com\ncall 010-1234-5678 now\nplain\n');
    expect(r.out).toBe('mail <email>\ncall <phone-kr> now\nplain\n');
    expect(r.err).toBe('redacted: email=1 phone-kr=1\n');
    expect((await run(['logs', 'redact', '--rules', 'nope'])).code).toBe(2);
  });
  it('anomalies: finds an error burst in the last hour', async () => {
    const lines: string[] = [];
    const t0 = Date.UTC(2026, 10, 22, 0, 0, 0);
    const fmt = (ms: number) => new Date(ms).toISOString().replace('T', ' ').replace('.', ',').slice(0, 23);
    for (let m = 0; m < 8 * 60; m++) lines.push(`${fmt(t0 + m * 60_000)} INFO [web] heartbeat ${m}`);
    for (let k = 0; k < 30; k++) lines.push(`${fmt(t0 + 8 * 3_600_000 - 600_000 + k * 1000)} ERROR [db] connection refused to 10.0.0.${k % 3}:5432`);
    lines.push(`${fmt(t0 + 8 * 3_600_000)} INFO [web] heartbeat end`);
    const f = join(mkdtempSync(join(tmpdir(), 'hc-logs-')), 'app.log');
    writeFileSync(f, lines.join('\n') + '\n');
    const r = await run(['-o', 'json', 'logs', 'anomalies', f, '--fail']);
    const ev = JSON.parse(r.out) as Array<{ type: string; data: { kind: string } }>;
    expect(ev.map((e) => e.data.kind)).toContain('error-burst');
    expect(ev.every((e) => e.type === 'log-anomaly')).toBe(true);
    expect(r.code).toBe(1);
    const quiet = await run(['logs', 'anomalies', shop]);
    expect(quiet.out).toMatch(/no log anomalies/);
  });
});

describe('hypercas logs with a backend', () => {
  it('templates from Loki (recorded answer), PII redacted, CIs from pod labels', async () => {
    const page = readFileSync(fileURLToPath(new URL('../../collect/logs/__fixtures__/loki-page1.json', import.meta.url)), 'utf8');
    const seen: string[] = [];
    const server = createServer((req, res) => {
      seen.push(req.url!);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(page);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const r = await run(['-o', 'json', 'logs', 'templates', '--loki', url, '--query', '{namespace="shop"}', '--start', '1763791200', '--end', '1763794800']);
      expect(r.code).toBe(0);
      const t = JSON.parse(r.out) as Array<{ template: string; count: number }>;
      expect(t.map((x) => x.template).sort()).toEqual(['LOG: checkpoint starting: time', 'level=error msg="payment failed" order=<*> user=<email>', 'level=info msg="retrying" order=<*>']);
      expect(seen[0]).toContain('start=1763791200000000000');
      const bad = await run(['logs', 'templates', '--loki', url]);
      expect(bad.err).toMatch(/--query/);
    } finally {
      server.close();
    }
  });
});

describe('hypercas logs parse: table, tags, bounded template store', () => {
  it('table rows (one pass) agree with --print templates and -o json; json records carry severity tags', async () => {
    const table = await run(['logs', 'parse', shop]);
    const rows = table.out.trim().split('\n');
    expect(rows[0]).toBe('LINE\tTEMPLATE_ID\tTEMPLATE');
    const tpl = (await run(['logs', 'parse', shop, '--print', 'templates'])).out.trim().split('\n');
    expect(rows.slice(1).map((r) => r.split('\t')[2])).toEqual(tpl);
    expect(rows.slice(1).map((r) => Number(r.split('\t')[0]))).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(table.code).toBe(3); // the malformed line is still counted
    const recs = (await run(['-o', 'json', 'logs', 'parse', shop])).out.trim().split('\n').map((l) => JSON.parse(l) as { templateId: string; tags?: string[]; level?: string });
    expect(recs.map((r) => r.templateId)).toEqual(rows.slice(1).map((r) => r.split('\t')[1]));
    expect(recs[0].tags).toContain('severity:info');
    expect(recs.some((r) => r.tags?.includes('severity:error'))).toBe(true);
  });

  it('--store keeps at most --max-shapes templates in memory; the ones dropped are saved, none lost', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hc-logs-'));
    const db = join(dir, 'db.sqlite');
    // Four runs into one scope, ten new templates each (two varying columns, so they never
    // merge), each line three times: the registry loads at most 16 and must drop some.
    const w = (i: number) => String.fromCharCode(97 + (i % 26)) + String.fromCharCode(97 + Math.floor(i / 26)) + 'x';
    const errs: string[] = [];
    for (let run_ = 0; run_ < 4; run_++) {
      const f = join(dir, `part${run_}.log`);
      const lines: string[] = [];
      for (let i = run_ * 10; i < run_ * 10 + 10; i++) for (let k = 0; k < 3; k++) lines.push(`stage ${w(i)} of pipeline ${w(i)} finished`);
      writeFileSync(f, lines.join('\n') + '\n');
      const r = await run(['--db', db, 'logs', 'parse', f, '--store', '--scope', 'app', '--max-shapes', '16']);
      expect(r.code).toBe(0);
      errs.push(r.err);
    }
    expect(errs.join('')).toMatch(/template registry cap \(--max-shapes 16\) reached: \d+ least recently seen templates saved to the store/);
    const { openStore } = await import('../../cmdb/open.js');
    const store = openStore(db);
    const saved = store.loadTemplates('app');
    store.close();
    expect(saved).toHaveLength(40);
    expect(saved.every((t) => t.count === 3)).toBe(true);
  });
});

describe('hypercas logs --pod: a cluster that cannot be used', () => {
  it('a missing kubeconfig is a usage error (exit 2) with the file named, not an internal error', async () => {
    const missing = join(mkdtempSync(join(tmpdir(), 'hc-kc-')), 'nope.yaml');
    const r = await run(['logs', 'anomalies', '--pod', 'default/web-1', '--kubeconfig', missing]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`kubeconfig ${missing}: no such file`);
    expect(r.err).not.toMatch(/internal error|at .*\.js:\d+/);
  });
});
