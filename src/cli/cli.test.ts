import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { main } from './main.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const ex = (p: string) => join(root, 'examples', p);

async function run(args: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(['node', 'hypercas', ...args], {
    out: (s) => void (out += s),
    err: (s) => void (err += s),
    isTTY: false,
    stdin: Readable.from([stdin]),
  });
  return { code, out, err };
}

describe('hypercas CLI (foundation)', () => {
  const db = join(mkdtempSync(join(tmpdir(), 'hc-cli-')), 'cmdb.db');

  it('--version and help', async () => {
    expect((await run(['--version'])).out).toMatch(/^\d+\.\d+\.\d+/);
    const h = await run(['--help']);
    expect(h.code).toBe(0);
    expect(h.out).toMatch(/collect/);
    expect(h.out).toMatch(/graph/);
  });

  it('collect files, then query CIs, relations and a graph', async () => {
    const c = await run(['--db', db, 'collect', '-f', ex('middleware/oss/healthy/k8s')]);
    expect(c.err).toBe('');
    expect(c.code).toBe(0);
    expect(c.out).toMatch(/18 objects/); // 15 manifests + 3 applications found in their ConfigMaps

    const list = await run(['--db', db, '-o', 'json', 'ci', 'list', '--kind', 'deployment']);
    expect(JSON.parse(list.out).map((x: { id: string }) => x.id)).toEqual(['local/Deployment/shop-oss/api', 'local/Deployment/shop-oss/nginx']);

    const show = await run(['--db', db, 'ci', 'show', 'Service/shop-oss/api']);
    expect(show.code).toBe(0);
    expect(show.out).toMatch(/selects\s+Deployment\/shop-oss\/api/);
    expect(show.out).toMatch(/first seen: 20\d\d-/);
    expect(show.out).toMatch(/history:\n\s+\(none\)/);

    const dot = await run(['--db', db, 'graph', '--format', 'dot', '--ci', 'local/Service/shop-oss/api', '--depth', '2']);
    expect(dot.out).toMatch(/^digraph hypercas \{/);
    expect(dot.out).toMatch(/label="selects"/);
    const mer = await run(['--db', db, 'graph', '--format', 'mermaid']);
    expect(mer.out).toMatch(/^flowchart LR/);
    expect(mer.out).toMatch(/-- routes-to -->|-- selects -->/);

    const missing = await run(['--db', db, 'ci', 'show', 'nope/x']);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/no CI nope\/x/);
  });

  it('a second collect of a broken variant records the change and the broken relation', async () => {
    const c = await run(['--db', db, 'collect', '-f', ex('middleware/oss/broken/02-service-selector-mismatch/k8s')]);
    expect(c.code).toBe(0);
    expect(c.out).toMatch(/changes since the previous snapshot: 1 CIs .*relations \+0 −3/);
    const d = await run(['--db', db, 'diff', '@previous', '@latest']);
    expect(d.out).toMatch(/~ local\/Service\/shop-oss\/api/);
    expect(d.out).toMatch(/replace \$\.spec\.selector\.app: api → api-server/);
    expect(d.out).toMatch(/relations broken or removed \(3\):/);
    expect(d.out).toMatch(/- local\/Service\/shop-oss\/api selects local\/Deployment\/shop-oss\/api/);
    expect(d.out).toMatch(/- local\/App\.nginx\/shop-oss\/nginx routes-to local\/App\.spring\/shop-oss\/api/);
    const snaps = await run(['--db', db, 'snapshots']);
    expect(snaps.out).toMatch(/@1\s+local/);
    expect(snaps.out).toMatch(/@2\s+local/);
    const ev = await run(['--db', db, '-o', 'json', 'events', '--type', 'config-change']);
    expect(JSON.parse(ev.out).map((e: { ci: string }) => e.ci)).toEqual(['local/Service/shop-oss/api']);
    const h = await run(['--db', db, '-o', 'json', 'ci', 'show', 'local/Service/shop-oss/api']);
    expect(JSON.parse(h.out).history.map((x: { kind: string }) => x.kind)).toEqual(['modified']);
  });

  it('diff of two directories without a database', async () => {
    const d = await run(['--db', ':memory:', '-o', 'json', 'diff', ex('middleware/oss/healthy/k8s'), ex('middleware/oss/broken/01-upstream-port-mismatch/k8s')]);
    const j = JSON.parse(d.out);
    expect(j.changes.map((c: { ci: string }) => c.ci)).toEqual(['local/ConfigMap/shop-oss/nginx-config', 'local/App.nginx/shop-oss/nginx']);
    const t = await run(['--db', ':memory:', 'diff', ex('middleware/oss/healthy/k8s'), ex('middleware/oss/broken/01-upstream-port-mismatch/k8s')]);
    expect(t.out).toMatch(/-\s+server api\.shop-oss\.svc\.cluster\.local:8080/);
    expect(t.out).toMatch(/\+\s+server api\.shop-oss\.svc\.cluster\.local:8081/);
  });

  it('bad input: reported with file:line, the rest stored, exit 3; stdin works', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hc-bad-'));
    writeFileSync(join(dir, 'a.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ok}\n---\nkind: [broken\n');
    const r = await run(['--db', ':memory:', 'collect', '-f', dir]);
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/a\.yaml:5: invalid YAML/);
    expect(r.out).toMatch(/1 objects/);
    const s = await run(['--db', ':memory:', 'collect', '-f', '-'], 'apiVersion: v1\nkind: Namespace\nmetadata: {name: x}\n');
    expect(s.code).toBe(0);
    const none = await run(['--db', ':memory:', 'collect', '-f', '-'], 'hello: world\n');
    expect(none.code).toBe(2);
  });

  it('a bad kubeconfig ends with a one-line cause and exit 2', async () => {
    const r = await run(['--db', ':memory:', 'collect', '--kubeconfig', '/nonexistent/kubeconfig']);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/\/nonexistent\/kubeconfig/);
  });
});

describe('hypercas scan with the CMDB', () => {
  it('--store records snapshots and findings; the previous snapshot is the history for detached relations', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'hc-scan-')), 'cmdb.db');
    const first = await run(['--db', db, '-o', 'json', 'scan', '--store', '-f', ex('middleware/oss/healthy/k8s')]);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.out).findings.some((f: { checkId: string }) => f.checkId === 'change-detaches-relation')).toBe(false);
    const second = await run(['--db', db, '-o', 'json', 'scan', '--store', '-f', ex('middleware/oss/broken/02-service-selector-mismatch/k8s')]);
    const ids = JSON.parse(second.out).findings.map((f: { checkId: string }) => f.checkId);
    expect(ids).toContain('change-detaches-relation');
    expect(ids).toContain('service-selector-no-match');
    const ev = await run(['--db', db, '-o', 'json', 'events', '--type', 'finding']);
    const events = JSON.parse(ev.out) as Array<{ title: string; data: { occurrences?: number } }>;
    expect(events.some((e) => e.title.startsWith('change-detaches-relation'))).toBe(true);
    // A finding present in both scans is one continuing event, not two.
    expect(events.some((e) => e.data.occurrences === 2)).toBe(true);
    const explicit = await run(['--db', db, '-o', 'json', 'scan', '--previous', '@1', '-f', ex('middleware/oss/broken/02-service-selector-mismatch/k8s')]);
    expect(JSON.parse(explicit.out).findings.map((f: { checkId: string }) => f.checkId)).toContain('change-detaches-relation');
    const bad = await run(['--db', db, 'scan', '--previous', '@99', '-f', ex('middleware/oss/healthy/k8s')]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/no such snapshot/);
  });
});
