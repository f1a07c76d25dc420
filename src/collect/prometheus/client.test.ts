// The client against a local HTTP server that replays Prometheus API responses (retry and error
// paths, chunking, auth). The real-server test is prometheus.integration.test.ts.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PrometheusClient, PrometheusError, parseDuration, parseTime } from './client.js';

interface Seen {
  headers: IncomingMessage['headers'];
  params: URLSearchParams;
  url?: string;
}

let server: Server;
let base = '';
const seen: Seen[] = [];
interface Reply {
  status: number;
  body: string;
  headers?: Record<string, string>;
}
let script: Array<(p: URLSearchParams) => Reply> = [];

function matrix(p: URLSearchParams): Reply {
  // One series whose value is the timestamp in seconds, at each step of the requested range.
  const start = Number(p.get('start'));
  const end = Number(p.get('end'));
  const step = Number(p.get('step'));
  const values: Array<[number, string]> = [];
  for (let t = start; t <= end + 1e-9; t += step) values.push([t, String(t)]);
  return { status: 200, body: JSON.stringify({ status: 'success', data: { resultType: 'matrix', result: [{ metric: { __name__: 'up', job: 'x' }, values }] } }) };
}

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const params = new URLSearchParams(body);
      seen.push({ headers: req.headers, params, url: req.url });
      const next = script.shift() ?? matrix;
      const r = next(params);
      res.writeHead(r.status, { 'Content-Type': 'application/json', ...(r.headers ?? {}) });
      res.end(r.body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const noSleep = { sleep: async () => {} };

describe('Prometheus client', () => {
  it('splits a long range into chunks and merges them without duplicates', async () => {
    seen.length = 0;
    script = [];
    const c = new PrometheusClient({ url: base, maxPointsPerRequest: 100, ...noSleep });
    const out = await c.queryRange('up', 1_000_000, 1_000_000 + 249 * 60_000, 60_000);
    expect(seen.length).toBe(3); // 250 points in chunks of 100
    expect(out.length).toBe(1);
    expect(out[0].metric).toBe('up');
    expect(out[0].labels).toEqual({ job: 'x' });
    expect(out[0].values.length).toBe(250);
    expect(out[0].timestamps[249]).toBe(1_000_000 + 249 * 60_000);
    expect(seen[0].params.get('query')).toBe('up');
    expect(seen[0].params.get('step')).toBe('60');
  });

  it('retries transient failures with back-off, honouring Retry-After', async () => {
    seen.length = 0;
    const sleeps: number[] = [];
    script = [() => ({ status: 503, body: 'overloaded' }), () => ({ status: 429, body: '{}', headers: { 'Retry-After': '2' } }), matrix];
    const c = new PrometheusClient({ url: base, backoffMs: 100, sleep: async (ms) => void sleeps.push(ms) });
    const out = await c.queryRange('up', 0, 60_000, 60_000);
    expect(out[0].values.length).toBe(2);
    expect(seen.length).toBe(3);
    expect(sleeps).toEqual([100, 2000]);
  });

  it('gives up after the last attempt with an error naming the query and endpoint', async () => {
    script = [() => ({ status: 502, body: 'bad gateway' }), () => ({ status: 502, body: 'bad gateway' })];
    const c = new PrometheusClient({ url: base, retries: 2, ...noSleep });
    const err = await c.queryRange('rate(x[5m])', 0, 60_000, 60_000).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PrometheusError);
    expect((err as PrometheusError).message).toContain('"rate(x[5m])"');
    expect((err as PrometheusError).message).toContain(`${base}/api/v1/query_range`);
    expect((err as PrometheusError).status).toBe(502);
    expect((err as PrometheusError).transient).toBe(true);
  });

  it('does not retry a bad query and reports Prometheus\' own error', async () => {
    seen.length = 0;
    script = [() => ({ status: 400, body: JSON.stringify({ status: 'error', errorType: 'bad_data', error: 'parse error at char 5' }) })];
    const c = new PrometheusClient({ url: base, ...noSleep });
    const err = (await c.queryRange('up{', 0, 60_000, 60_000).catch((e: unknown) => e)) as PrometheusError;
    expect(seen.length).toBe(1);
    expect(err.errorType).toBe('bad_data');
    expect(err.message).toMatch(/bad_data: parse error at char 5/);
    expect(err.transient).toBe(false);
  });

  it('sends auth headers and never puts credentials in messages', async () => {
    seen.length = 0;
    script = [matrix, matrix, () => ({ status: 400, body: '{"status":"error","errorType":"bad_data","error":"x"}' })];
    await new PrometheusClient({ url: base, bearerToken: 's3cret', headers: { 'X-Scope-OrgID': 'team-a' }, ...noSleep }).queryRange('up', 0, 0, 1000);
    expect(seen[0].headers.authorization).toBe('Bearer s3cret');
    expect(seen[0].headers['x-scope-orgid']).toBe('team-a');
    const withUser = base.replace('http://', 'http://alice:pw@');
    await new PrometheusClient({ url: withUser, ...noSleep }).queryRange('up', 0, 0, 1000);
    expect(seen[1].headers.authorization).toBe('Basic ' + Buffer.from('alice:pw').toString('base64'));
    const err = (await new PrometheusClient({ url: withUser, ...noSleep }).queryRange('up', 0, 0, 1000).catch((e: unknown) => e)) as Error;
    expect(err.message).not.toContain('pw');
    expect(err.message).not.toContain('alice');
  });

  it('never prints credentials a server or proxy echoes back in its error reply', async () => {
    const echo = (p: URLSearchParams) => ({ status: 401, body: `denied: Authorization: Bearer CANARY-tok-1234567 for ${p.get('query')}` });
    script = [echo, () => ({ status: 400, body: '{"status":"error","errorType":"bad_data","error":"header X-Api-Key=CANARY-key-7654321 not allowed"}' })];
    const c = new PrometheusClient({ url: base, bearerToken: 'CANARY-tok-1234567', headers: { 'X-Api-Key': 'CANARY-key-7654321' }, retries: 1, ...noSleep });
    const e1 = (await c.queryRange('up', 0, 0, 1000).catch((e: unknown) => e)) as Error;
    const e2 = (await c.queryRange('up', 0, 0, 1000).catch((e: unknown) => e)) as Error;
    for (const e of [e1, e2]) {
      expect(e).toBeInstanceOf(PrometheusError);
      expect(e.message).not.toMatch(/CANARY/);
    }
    expect(e1.message).toContain('<redacted>');
  });

  it('keeps a query string of the base URL (an auth proxy token) after the API path, and out of messages', async () => {
    seen.length = 0;
    script = [matrix, () => ({ status: 500, body: 'boom' })];
    const c = new PrometheusClient({ url: `${base}/prom/?token=CANARY-q-123456`, retries: 1, ...noSleep });
    await c.queryRange('up', 0, 0, 1000);
    expect(seen[0].url).toBe('/prom/api/v1/query_range?token=CANARY-q-123456');
    const err = (await c.queryRange('up', 0, 0, 1000).catch((e: unknown) => e)) as Error;
    expect(err.message).toMatch(/HTTP 500/);
    expect(err.message).not.toMatch(/CANARY/);
  });

  it('gives up on a server that never answers after timeoutMs per attempt', async () => {
    const silent = createServer(() => {}); // accepts, never answers
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
      const err = (await new PrometheusClient({ url, timeoutMs: 50, retries: 2, ...noSleep }).queryRange('up', 0, 0, 1000).catch((e: unknown) => e)) as PrometheusError;
      expect(err.message).toMatch(/timed out after 50 ms/);
      expect(err.transient).toBe(true);
    } finally {
      silent.closeAllConnections();
      await new Promise<void>((r) => silent.close(() => r()));
    }
  });

  it('reports an unreachable server as transient, after retrying', async () => {
    let calls = 0;
    const c = new PrometheusClient({ url: 'http://127.0.0.1:1', retries: 3, sleep: async () => void calls++ });
    const err = (await c.queryRange('up', 0, 0, 1000).catch((e: unknown) => e)) as PrometheusError;
    expect(err.message).toMatch(/unreachable for query "up"/);
    expect(err.transient).toBe(true);
    expect(calls).toBe(2);
  });

  it('parses durations and times', () => {
    expect(parseDuration('1h30m')).toBe(5_400_000);
    expect(parseDuration('15')).toBe(15_000);
    expect(() => parseDuration('5 minutes')).toThrow(/bad duration/);
    expect(parseTime('now-1h', 10_000_000)).toBe(6_400_000);
    expect(parseTime('2024-01-01T00:00:00Z')).toBe(Date.UTC(2024, 0, 1));
    expect(parseTime('1704067200')).toBe(1704067200000);
    expect(() => parseTime('tomorrow')).toThrow(/bad time/);
  });
});
