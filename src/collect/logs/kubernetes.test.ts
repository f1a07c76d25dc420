// Pod logs against a local HTTP server answering like the API server's /log subresource.
import { describe, it, expect, afterEach } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { KubeConfig } from '@kubernetes/client-node';
import { readPodLogs } from './kubernetes.js';

let server: Server | undefined;
afterEach(() => server?.close());

const OUT = '2026-11-22T06:00:00.100000000Z GET /healthz 200\n2026-11-22T06:00:02.000000000Z served order 1004\n';
const ERR = '2026-11-22T06:00:01.000000000Z java.lang.IllegalStateException: boom\n';

async function apiServer(splitSupported: boolean): Promise<{ kc: KubeConfig; paths: string[] }> {
  const paths: string[] = [];
  server = createServer((req, res) => {
    const u = new URL(req.url!, 'http://x');
    paths.push(u.pathname + u.search);
    if (u.pathname !== '/api/v1/namespaces/shop/pods/web-7d9f8c6b5-x2k4p/log' || u.searchParams.get('timestamps') !== 'true') {
      res.writeHead(404, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', message: 'not found', reason: 'NotFound', code: 404 }));
    }
    const stream = u.searchParams.get('stream');
    if (stream && !splitSupported) {
      res.writeHead(400, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', message: 'PodLogOptions "web-7d9f8c6b5-x2k4p" is invalid: stream: Forbidden: may not be specified', reason: 'Invalid', code: 400 }));
    }
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end(stream === 'Stdout' ? OUT : stream === 'Stderr' ? ERR : OUT.split('\n')[0] + '\n' + ERR + OUT.split('\n')[1] + '\n');
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: 'c', server: `http://127.0.0.1:${(server!.address() as AddressInfo).port}`, skipTLSVerify: true }],
    users: [{ name: 'u', token: 'test-token' }],
    contexts: [{ name: 'ctx', cluster: 'c', user: 'u' }],
    currentContext: 'ctx',
  });
  return { kc, paths };
}

describe('readPodLogs', () => {
  it('keeps stdout and stderr apart when the API server splits streams', async () => {
    const { kc } = await apiServer(true);
    const r = await readPodLogs({ kc, cluster: 'prod', namespace: 'shop', pod: 'web-7d9f8c6b5-x2k4p' });
    expect(r.split).toBe(true);
    expect(r.records.map((x) => [x.stream, x.message])).toEqual([
      ['stdout', 'GET /healthz 200'],
      ['stderr', 'java.lang.IllegalStateException: boom'],
      ['stdout', 'served order 1004'],
    ]);
    expect(r.records[0]).toMatchObject({ ci: 'prod/Deployment/shop/web', ts: Date.parse('2026-11-22T06:00:00.100Z') });
  });
  it('falls back to the merged log where the stream parameter is refused', async () => {
    const { kc, paths } = await apiServer(false);
    const r = await readPodLogs({ kc, cluster: 'prod', namespace: 'shop', pod: 'web-7d9f8c6b5-x2k4p', tailLines: 100 });
    expect(r.split).toBe(false);
    expect(r.records.map((x) => x.message)).toEqual(['GET /healthz 200', 'java.lang.IllegalStateException: boom', 'served order 1004']);
    expect(r.records[0].stream).toBeUndefined();
    expect(paths.at(-1)).toContain('tailLines=100');
  });
  it('a missing pod is an error', async () => {
    const { kc } = await apiServer(true);
    await expect(readPodLogs({ kc, cluster: 'prod', namespace: 'shop', pod: 'nope' })).rejects.toThrow();
  });
});
