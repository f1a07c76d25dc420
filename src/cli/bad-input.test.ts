// Bad input a user could give gets a one-line error naming the file/flag/URL and a meaningful
// exit code (2 usage, 3 partial, 4 unreachable), never an internal error (70, a stack trace).
import { describe, it, expect, afterAll } from 'vitest';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { main } from './main.js';

async function run(...args: Array<string | Buffer>): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  // A Buffer argument is stdin.
  const stdin = args.find((a): a is Buffer => Buffer.isBuffer(a)) ?? Buffer.alloc(0);
  const argv = args.filter((a): a is string => typeof a === 'string');
  const code = await main(['node', 'hypercas', ...argv], { out: (s) => void (out += s), err: (s) => void (err += s), isTTY: false, stdin: Readable.from([stdin]) });
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'hc-bad-'));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const cm = file('cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  namespace: x\ndata:\n  k: v\n');

describe('bad input is a usage error, not an internal one', () => {
  it('--db that is not a SQLite file, or in a missing directory', async () => {
    const notDb = file('not.db', 'this is not a database\n');
    const a = await run('--db', notDb, 'snapshots');
    expect(a).toMatchObject({ code: 2, err: expect.stringContaining(`cannot use database ${notDb}: file is not a database`) });
    const b = await run('--db', join(dir, 'missing', 'x.db'), 'snapshots');
    expect(b).toMatchObject({ code: 2, err: expect.stringMatching(/cannot use database .*missing.*directory does not exist/) });
  });

  it('events: a time, type or limit that is not one', async () => {
    expect(await run('--db', ':memory:', 'events', '--since', 'yesterday')).toMatchObject({ code: 2, err: expect.stringMatching(/--since: bad time "yesterday"/) });
    expect(await run('--db', ':memory:', 'events', '--until', '2026-13-45')).toMatchObject({ code: 2 });
    expect(await run('--db', ':memory:', 'events', '--type', 'bogus')).toMatchObject({ code: 2, err: expect.stringMatching(/--type: unknown event type "bogus"/) });
    expect(await run('--db', ':memory:', 'events', '--limit', '-5')).toMatchObject({ code: 2, err: expect.stringMatching(/--limit wants a positive integer, got "-5"/) });
    expect(await run('--db', ':memory:', 'ci', 'list', '--limit', 'abc')).toMatchObject({ code: 2 });
    expect((await run('--db', ':memory:', 'events', '--since', 'now-1d')).code).toBe(0);
  });

  it('scan --out and anomaly --plot into a directory or a missing one', async () => {
    expect(await run('--db', ':memory:', 'scan', '-f', cm, '--format', 'sarif', '--out', dir)).toMatchObject({ code: 2, err: expect.stringContaining(`--out ${dir}: cannot write (EISDIR)`) });
    const csv = file('m.csv', 'timestamp,value\n' + Array.from({ length: 50 }, (_, i) => `${1700000000 + 60 * i},${i % 5}`).join('\n') + '\n');
    expect(await run('--db', ':memory:', 'anomaly', csv, '--plot', join(dir, 'no', 'p.html'))).toMatchObject({ code: 2, err: expect.stringMatching(/--plot .*p\.html: cannot write \(ENOENT\)/) });
  });

  it('anomaly --driver with an unusable driver file is partial (3), said once', async () => {
    const csv = file('m2.csv', 'timestamp,value\n' + Array.from({ length: 50 }, (_, i) => `${1700000000 + 60 * i},${i % 5}`).join('\n') + '\n');
    const drv = file('drv.csv', 'just-one-column\n1\n');
    const r = await run('--db', ':memory:', 'anomaly', csv, '--driver', drv);
    expect(r.code).toBe(3);
    expect(r.err.match(/drv\.csv:1: header has fewer than two columns/g)).toHaveLength(1);
  });

  it('anomaly on a CSV with only a header says there is no data instead of "no anomalies"', async () => {
    const r = await run('--db', ':memory:', 'anomaly', file('h.csv', 'timestamp,value\n'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/no data rows after the header/);
    expect(r.err).toMatch(/no data points to analyse/);
  });

  it('logs: a missing file, a directory, a header format without <Content>', async () => {
    for (const sub of ['parse', 'templates', 'anomalies', 'redact']) {
      expect(await run('--db', ':memory:', 'logs', sub, join(dir, 'nope.log'))).toMatchObject({ code: 2, err: expect.stringMatching(/nope\.log: no such file/) });
    }
    const logDir = join(dir, 'logs');
    mkdirSync(logDir);
    expect(await run('--db', ':memory:', 'logs', 'parse', logDir)).toMatchObject({ code: 2, err: expect.stringMatching(/is a directory/) });
    const log = file('a.log', '2026-01-01T00:00:00Z INFO start\n');
    expect(await run('--db', ':memory:', 'logs', 'parse', log, '--format', '<Date> <Level>')).toMatchObject({ code: 2, err: expect.stringMatching(/--format: .*<Content>/) });
  });

  it('collect: a self-referencing YAML alias is reported with file:line, the other files still load', async () => {
    const loop = file('loop.yaml', '&a [*a]\n');
    const r = await run('--db', ':memory:', 'collect', '-f', loop, '-f', cm);
    expect(r.code).toBe(3);
    expect(r.err).toContain(`${loop}:1: invalid YAML: an alias refers to a node that contains it`);
    expect(r.out).toMatch(/1 objects/);
  });
});

describe('a cluster or history the user named but that cannot be used', () => {
  it('a missing kubeconfig is a usage error (2) for scan and diagnose too, not "unreachable"', async () => {
    const kc = join(dir, 'no-such-kubeconfig');
    for (const cmd of [['scan'], ['diagnose', 'http-5xx']]) {
      expect(await run('--db', ':memory:', ...cmd, '--kubeconfig', kc)).toMatchObject({ code: 2, err: expect.stringContaining(kc) });
    }
  });

  it('scan --previous FILES that cannot be read is an error, not a silent empty history', async () => {
    const prev = join(dir, 'gone.yaml');
    expect(await run('--db', ':memory:', 'scan', '-f', cm, '--previous', prev)).toMatchObject({ code: 2, err: expect.stringMatching(/--previous: no Kubernetes objects found in .*gone\.yaml/) });
  });

  it('--prom with a step or range Prometheus cannot take is a usage error (2), before any request', async () => {
    expect(await run('--db', ':memory:', 'anomaly', '--prom', 'http://127.0.0.1:9', '--query', 'up', '--step', '0')).toMatchObject({ code: 2, err: expect.stringMatching(/step must be positive/) });
    expect(await run('--db', ':memory:', 'anomaly', '--prom', 'http://127.0.0.1:9', '--query', 'up', '--start', 'now', '--end', 'now-1d')).toMatchObject({ code: 2 });
  });
});

describe('misspelt check ids and foreign encodings', () => {
  it('--only or a config `only` naming no check is a usage error; an unknown id in `disabled` is reported (3)', async () => {
    expect(await run('--db', ':memory:', 'scan', '-f', cm, '--only', 'pdb-missng')).toMatchObject({ code: 2, err: expect.stringMatching(/--only: unknown check id pdb-missng/) });
    const cfg = file('scan.yaml', 'disabled: [pdb-missng]\n');
    const r = await run('--db', ':memory:', 'scan', '-f', cm, '--config', cfg, '--format', 'json');
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/disabled: unknown check id pdb-missng/);
  });

  it('an empty --cluster name (it starts every CI id) is a usage error', async () => {
    expect(await run('--db', ':memory:', 'collect', '-f', cm, '--cluster', '')).toMatchObject({ code: 2, err: expect.stringMatching(/--cluster wants a non-empty name/) });
  });

  it('collect -f - reads UTF-16 from stdin (PowerShell pipes)', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: u\n  namespace: x\n', 'utf16le')]);
    const r = await run('--db', ':memory:', 'collect', '-f', '-', utf16);
    expect(r).toMatchObject({ code: 0, out: expect.stringMatching(/1 objects/) });
  });
});

describe('partial results say so', () => {
  it('rules list with a rule that does not load exits 3 (partial), naming file:line', async () => {
    const rules = join(dir, 'rules');
    mkdirSync(rules);
    writeFileSync(join(rules, 'bad.yaml'), 'id: bad-cel\ntitle: t\nseverity: warning\nmatch: {kinds: [ConfigMap]}\nexpression: "object.metadata.name =="\nmessage: m\nfix: f\n');
    const r = await run('--db', ':memory:', 'rules', 'list', '--rules', rules);
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/bad\.yaml:5: rule bad-cel: bad CEL/);
    expect(r.out).toMatch(/checks/);
  });
});

describe('a server that is not Prometheus', () => {
  let server: Server;
  afterAll(() => server?.close());
  it('an HTML login page at --prom is "unreachable" (4) and says so', async () => {
    server = createServer((_, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html><body>Sign in</body></html>');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const r = await run('--db', ':memory:', 'anomaly', '--prom', url, '--query', 'up');
    expect(r.code).toBe(4);
    expect(r.err).toMatch(/not a Prometheus API answer but an HTML page/);
  });
});
