// The live path end to end: `hypercas collect` with the production client against a server that
// replays API responses (hand-written in kube-apiserver v1.31's exact JSON shapes), through
// relation building into the CMDB.
import { describe, it, expect, afterAll, beforeAll } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { main } from './main.js';
import { startFakeApiServer, type FakeApiServer } from '../collect/kubernetes/__fixtures__/fake-apiserver.js';

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(['node', 'hypercas', ...args], { out: (s) => void (out += s), err: (s) => void (err += s), isTTY: false, stdin: Readable.from(['']) });
  return { code, out, err };
}

describe('hypercas collect (live, replayed API responses)', () => {
  let server: FakeApiServer;
  const db = join(mkdtempSync(join(tmpdir(), 'hc-live-')), 'cmdb.db');
  beforeAll(async () => { server = await startFakeApiServer(); });
  afterAll(async () => { await server.close(); });

  it('stores the cluster, warns about forbidden kinds, exits 3 (partial), never stores secret values', async () => {
    const r = await run(['--db', db, '-o', 'json', 'collect', '--kubeconfig', server.kubeconfig()]);
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/cannot list Secret/);
    const sum = JSON.parse(r.out)[0];
    expect(sum.live).toBe(true);
    expect(sum.kinds.Pod).toBeGreaterThan(0);
    expect(Object.keys(sum.kinds).some((k) => k.endsWith('.argoproj.io'))).toBe(true);
    // The replayed Secrets carry real-looking values; none may reach the database file.
    const { readFileSync, existsSync } = await import('node:fs');
    const dbBytes = [db, db + '-wal'].filter((f) => existsSync(f)).map((f) => readFileSync(f).toString('latin1')).join('');
    expect(dbBytes).toMatch(/password/); // the key is kept
    for (const v of ['czNjcjN0LVBhNTV3MHJk', 'Y2FydA==', 'eyJhdXRocyI6IHsiZ2hjci5pbyI6']) expect(dbBytes).not.toContain(v);
    const show = await run(['--db', db, '-o', 'json', 'ci', 'list', '--kind', 'Secret']);
    expect(show.out).not.toMatch(/czNjcjN0|Y2FydA/);
    const graph = await run(['--db', db, '-o', 'json', 'graph']);
    const rels = JSON.parse(graph.out).relations as Array<{ type: string }>;
    expect(rels.some((x) => x.type === 'owns')).toBe(true);
    expect(rels.some((x) => x.type === 'runs-on')).toBe(true);
  });
});

describe('hypercas collect (live) when the server is down', () => {
  it('ends with a one-line cause naming the URL and exit 4', async () => {
    const s = await startFakeApiServer();
    const kc = s.kubeconfig();
    await s.close();
    const r = await run(['--db', ':memory:', 'collect', '--kubeconfig', kc]);
    expect(r.code).toBe(4);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/cannot reach http:\/\/127\.0\.0\.1:\d+/);
  });
});
