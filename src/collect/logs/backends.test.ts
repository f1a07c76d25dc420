// Loki and Elasticsearch/OpenSearch clients against a local HTTP server replaying recorded
// answers in the real API formats (the fixtures), checking the requests they make.
import { describe, it, expect, afterEach } from 'vitest';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { queryLoki } from './loki.js';
import { searchElastic } from './elastic.js';
import { workloadOfPod, ciForPod } from './ci-map.js';
import type { LogRecord } from '../../model/telemetry.js';

const fx = (f: string) => readFileSync(join(dirname(fileURLToPath(import.meta.url)), '__fixtures__', f), 'utf8');

interface Seen {
  method: string;
  url: URL;
  headers: IncomingMessage['headers'];
  body: unknown;
}
let server: Server | undefined;
afterEach(() => server?.close());

async function serve(handler: (req: Seen) => { status?: number; body: string }): Promise<{ url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  server = createServer((req, res) => {
    let data = '';
    req.on('data', (c) => (data += c));
    req.on('end', () => {
      const s: Seen = { method: req.method!, url: new URL(req.url!, 'http://x'), headers: req.headers, body: data ? JSON.parse(data) : undefined };
      seen.push(s);
      const r = handler(s);
      res.writeHead(r.status ?? 200, { 'content-type': 'application/json' });
      res.end(r.body);
    });
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server!.address() as AddressInfo).port}`, seen };
}

async function all(it: AsyncIterable<LogRecord>): Promise<LogRecord[]> {
  const out: LogRecord[] = [];
  for await (const r of it) out.push(r);
  return out;
}

describe('Loki query_range', () => {
  it('pages forward, merges streams in time order, keeps labels and maps pods to workloads', async () => {
    const { url, seen } = await serve((r) => ({ body: r.url.searchParams.get('start') === '1763791200000000000' ? fx('loki-page1.json') : fx('loki-page2.json') }));
    const recs = await all(queryLoki({ url, query: '{namespace="shop"}', start: 1763791200000, end: 1763794800000, limit: 3, orgId: 'team-a', cluster: 'prod' }));
    expect(recs.map((r) => r.message)).toEqual([
      'level=error msg="payment failed" order=1003 user=kim@example.com',
      'LOG:  checkpoint starting: time',
      'level=info msg="retrying" order=1003',
      'level=info msg="served" path=/api/orders/1004 ms=12',
    ]);
    expect(recs[0]).toMatchObject({ ts: 1763791200000, stream: 'stderr', ci: 'prod/Deployment/shop/web' });
    expect(recs[1].ci).toBe('prod/StatefulSet/shop/db');
    expect(seen).toHaveLength(2);
    expect(seen[0].url.pathname).toBe('/loki/api/v1/query_range');
    expect(seen[0].url.searchParams.get('direction')).toBe('forward');
    expect(seen[0].headers['x-scope-orgid']).toBe('team-a');
    expect(seen[1].url.searchParams.get('start')).toBe('1763791202000000001');
  });
  it('reports Loki errors with the endpoint and query, not credentials', async () => {
    const { url } = await serve(() => ({ status: 400, body: 'parse error at line 1, col 2: syntax error: unexpected IDENTIFIER' }));
    const u = url.replace('http://', 'http://user:pw@');
    await expect(all(queryLoki({ url: u, query: 'bad', start: 0, end: 1, basic: { username: 'user', password: 'pw' } }))).rejects.toThrow(/query_range: HTTP 400: parse error/);
    await expect(all(queryLoki({ url: u, query: 'bad', start: 0, end: 1 }))).rejects.not.toThrow(/pw/);
  });
});

describe('credentials echoed back by a server or proxy', () => {
  it('are blanked in the error (bearer token, API key header)', async () => {
    const { url } = await serve((r) => ({ status: 403, body: `forbidden: got ${String(r.headers.authorization)} and key ${String(r.headers['x-api-key'])}` }));
    const err = (await all(queryLoki({ url, query: '{app="x"}', start: 0, end: 1, bearerToken: 'CANARY-tok-1234567', headers: { 'X-Api-Key': 'CANARY-key-7654321' } })).catch((e: unknown) => e)) as Error;
    expect(err.message).toMatch(/HTTP 403: forbidden/);
    expect(err.message).not.toMatch(/CANARY/);
  });
});

describe('Elasticsearch _search with search_after', () => {
  it('opens a PIT, pages with search_after, maps ECS fields, closes the PIT', async () => {
    const { url, seen } = await serve((r) => {
      if (r.url.pathname.endsWith('/_pit') && r.method === 'POST') return { body: fx('es-pit.json') };
      if (r.url.pathname === '/_pit' && r.method === 'DELETE') return { body: fx('es-pit-closed.json') };
      const b = r.body as { search_after?: unknown[] };
      return { body: b.search_after ? fx('es-page2.json') : fx('es-page1.json') };
    });
    const recs = await all(searchElastic({ url, index: 'logs-*', start: 1763791200000, end: 1763794800000, size: 2, cluster: 'prod' }));
    expect(recs.map((r) => [r.message, r.level, r.stream, r.ci])).toEqual([
      ['ERROR payment failed for order 1003 card 4111 1111 1111 1111', 'error', 'stderr', 'prod/Deployment/shop/web'],
      ['INFO retrying order 1003', 'info', 'stdout', 'prod/Deployment/shop/web'],
      ['LOG:  checkpoint starting: time', undefined, undefined, 'prod/StatefulSet/shop/db'],
    ]);
    expect(recs[0].ts).toBe(Date.parse('2026-11-22T06:00:00.123Z'));
    const searches = seen.filter((s) => s.url.pathname === '/_search');
    expect(searches).toHaveLength(2);
    expect((searches[1].body as { search_after: unknown[] }).search_after).toEqual([1763791201000, 18]);
    expect((searches[0].body as { sort: unknown[] }).sort).toEqual([{ '@timestamp': { order: 'asc' } }, { _shard_doc: 'asc' }]);
    expect(seen.at(-1)!.method).toBe('DELETE');
  });
  it('falls back to plain search_after when PIT is refused (OpenSearch, old versions)', async () => {
    const { url, seen } = await serve((r) => {
      if (r.url.pathname.endsWith('/_pit')) return { status: 400, body: fx('es-no-pit-404.json') };
      return { body: (r.body as { search_after?: unknown[] }).search_after ? fx('es-page2.json') : fx('es-page1.json') };
    });
    const recs = await all(searchElastic({ url, index: 'logs-*', start: 0, end: 1763794800000, size: 2, tiebreaker: 'event.sequence' }));
    expect(recs).toHaveLength(3);
    const s = seen.filter((x) => x.url.pathname.endsWith('/_search'));
    expect(s[0].url.pathname).toBe('/logs-*/_search');
    expect((s[0].body as { sort: unknown[] }).sort[1]).toEqual({ 'event.sequence': 'asc' });
  });
});

describe('pod → workload', () => {
  it('reads the workload off generated pod names', () => {
    expect(workloadOfPod('web-7d9f8c6b5-x2k4p')).toEqual({ kind: 'Deployment', name: 'web' });
    expect(workloadOfPod('db-0')).toEqual({ kind: 'StatefulSet', name: 'db' });
    expect(workloadOfPod('standalone')).toEqual({ kind: 'Pod', name: 'standalone' });
    expect(ciForPod('c', 'ns', 'api-server-5f6d7c8b9-abcde')).toBe('c/Deployment/ns/api-server');
  });
});

describe('log backends on broken answers (bad input sweep)', () => {
  it('names the endpoint and never crashes on null, HTML, malformed entries or a refused connection', async () => {
    const bodies = ['null', '<html><body>login</body></html>', '{"status":"success","data":{"resultType":"streams","result":[{"stream":{},"values":[["abc","x"]]}]}}'];
    let i = 0;
    const { url } = await serve(() => ({ body: bodies[i] }));
    const loki = () => all(queryLoki({ url, query: '{a="b"}', start: 0, end: 1000, retries: 1 }));
    await expect(loki()).rejects.toThrow(/query_range: answer is not a JSON object: null/);
    i = 1;
    await expect(loki()).rejects.toThrow(/query_range: answer is not JSON \(an HTML page/);
    i = 2;
    await expect(loki()).rejects.toThrow(/query_range: malformed answer: entry \["abc","x"\]/);
    i = 0;
    await expect(all(searchElastic({ url, index: 'logs-*', start: 0, end: 1000, pit: false, retries: 1 }))).rejects.toThrow(/_search: answer is not a JSON object/);
    // A port nothing listens on (bound, then released).
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const closed = `http://127.0.0.1:${(probe.address() as AddressInfo).port}`;
    await new Promise((r) => probe.close(r));
    await expect(all(queryLoki({ url: closed, query: '{a="b"}', start: 0, end: 1000, retries: 1 }))).rejects.toThrow(/query_range: unreachable: connect ECONNREFUSED/);
  });

  it('rejects an Elasticsearch answer without hits.hits instead of reading it as no logs', async () => {
    const { url } = await serve(() => ({ body: '{"hits":{"hits":"x"}}' }));
    await expect(all(searchElastic({ url, index: 'logs-*', start: 0, end: 1000, pit: false, retries: 1 }))).rejects.toThrow(/hits.hits is not a list/);
  });
});
