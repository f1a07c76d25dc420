// Metric signals against a local HTTP server replaying Prometheus query_range responses.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { metricSignals } from './metrics.js';

let server: Server;
let base = '';
const queries: string[] = [];
let down = false;

const matrix = (result: Array<{ metric: Record<string, string>; v: string }>) =>
  JSON.stringify({ status: 'success', data: { resultType: 'matrix', result: result.map((r) => ({ metric: r.metric, values: [[1700000000, '0'], [1700000060, r.v]] })) } });

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const q = new URLSearchParams(body || ((req.url ?? '').split('?')[1] ?? '')).get('query') ?? '';
      queries.push(q);
      if (down) {
        res.writeHead(400, { 'content-type': 'application/json' });
        return res.end(JSON.stringify({ status: 'error', errorType: 'bad_data', error: 'parse error' }));
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      if (q.includes('restarts_total')) return res.end(matrix([{ metric: { namespace: 'shop-oss', pod: 'postgres-0' }, v: '4' }, { metric: { namespace: 'shop-oss', pod: 'api-1' }, v: '0' }]));
      if (q.includes('OOMKilled')) return res.end(matrix([{ metric: { namespace: 'shop-oss', pod: 'postgres-0', container: 'postgres' }, v: '1' }]));
      res.end(matrix([]));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('metric signals', () => {
  it('reports restarts and OOM kills in the namespace with the memory checks to run', async () => {
    const r = await metricSignals(base, 'shop-oss', { now: 1700000060_000 });
    expect(r.status).toBe('fail');
    expect(r.evidence).toEqual(['pod shop-oss/postgres-0: 4 restart(s) in the last hour', 'pod shop-oss/postgres-0 container postgres: last terminated OOMKilled']);
    expect(r.fixes.join('\n')).toContain('DB-MEM-LIMIT');
    expect(queries.some((q) => q.includes('namespace="shop-oss"'))).toBe(true);
  });

  it('a failing Prometheus makes the signal skipped with the reason, not a crash', async () => {
    down = true;
    const r = await metricSignals(base, 'x', { now: 1700000060_000 });
    down = false;
    expect(r.status).toBe('skipped');
    expect(r.evidence[0]).toMatch(/^restarts: /);
  });
});
