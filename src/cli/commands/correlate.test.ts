import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { main } from '../main.js';
import { openStore } from '../../cmdb/open.js';
import type { CI } from '../../model/ci.js';
import { durationSeconds } from './correlate-run.js';

const fx = fileURLToPath(new URL('../../analyze/correlate/__fixtures__/system', import.meta.url));

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(['node', 'hypercas', ...args], { out: (s) => void (out += s), err: (s) => void (err += s), isTTY: false, stdin: Readable.from(['']) });
  return { code, out, err };
}

const ci = (id: string): CI => {
  const [cluster, kind, namespace, name] = id.split('/');
  return { id, cluster, kind, type: 'k8s', namespace, name, labels: {}, annotations: {}, config: {}, hash: id };
};

describe('hypercas correlate', () => {
  it('prints the documented JSON: from leads to, lag, score in [0, 1]; bad rows warn with file:line', async () => {
    const r = await run(['--db', ':memory:', '-o', 'json', 'correlate', fx, '--threads', '1']);
    expect(r.err).toMatch(/front\.csv:11: bad value "oops"/);
    expect(r.code).toBe(3); // partial: one bad row, the rest used
    const j = JSON.parse(r.out) as { relations: Array<{ from: string; to: string; score: number; lag_seconds: number | null; evidence: Record<string, unknown> }> };
    expect(Object.keys(j)).toEqual(['relations']);
    const got = j.relations.map((x) => `${x.from} > ${x.to} @${x.lag_seconds}`).sort();
    expect(got).toEqual(['dev/Deployment/shop/web > dev/StatefulSet/shop/db @120', 'dev/Ingress/shop/gw > dev/Deployment/shop/web @60']);
    for (const x of j.relations) {
      expect(Object.keys(x)).toEqual(['from', 'to', 'score', 'lag_seconds', 'evidence']);
      expect(x.score).toBeGreaterThan(0);
      expect(x.score).toBeLessThanOrEqual(1);
      expect(x.evidence).toMatchObject({ type: 'connects-to', method: 'spearman' });
      expect(x.evidence).toHaveProperty('q');
    }
  });

  it('--store writes inferred relations and compares them with the declared ones', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'hc-corr-')), 'cmdb.db');
    const s = openStore(db);
    const ids = ['dev/Ingress/shop/gw', 'dev/Service/shop/web', 'dev/Deployment/shop/web', 'dev/StatefulSet/shop/db', 'dev/Deployment/shop/batch'];
    s.recordSnapshot({
      cluster: 'dev',
      source: 'test',
      cis: ids.map(ci),
      relations: [
        { from: 'dev/Ingress/shop/gw', to: 'dev/Service/shop/web', type: 'routes-to', source: 'declared' },
        { from: 'dev/Service/shop/web', to: 'dev/Deployment/shop/web', type: 'selects', source: 'declared' },
        { from: 'dev/Deployment/shop/batch', to: 'dev/StatefulSet/shop/db', type: 'connects-to', source: 'declared' },
      ],
    });
    s.close();
    const r = await run(['--db', db, 'correlate', fx, '--store', '--threads', '1']);
    expect(r.out).toMatch(/gw\s+dev\/Deployment\/shop\/web\s+connects-to.*confirmed/);
    expect(r.out).toMatch(/shop\/web\s+dev\/StatefulSet\/shop\/db\s+connects-to.*new/);
    expect(r.out).toMatch(/declared but never seen in the data \(1\):[\s\S]*batch\s+connects-to\s+dev\/StatefulSet\/shop\/db/);
    expect(r.out).toMatch(/2 relations: 1 confirmed, 1 new, 1 declared but never seen/);
    expect(r.err).toMatch(/stored 2 inferred relation/);
    const s2 = openStore(db);
    const inferred = s2.relations({ source: 'inferred' });
    s2.close();
    expect(inferred.map((x) => `${x.from}>${x.to}:${x.type}`).sort()).toEqual([
      'dev/Deployment/shop/web>dev/StatefulSet/shop/db:connects-to',
      'dev/Ingress/shop/gw>dev/Deployment/shop/web:connects-to',
    ]);
    expect(inferred[0].confidence).toBeGreaterThan(0);
  });

  it('--events adds co-occurrence evidence (here: a relation the metrics do not show)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hc-corr-ev-'));
    const file = join(dir, 'events.jsonl');
    const lines: string[] = [];
    const t0 = Date.UTC(2026, 10, 1);
    for (let k = 0; k < 6; k++) {
      const t = t0 + k * 3_600_000;
      lines.push(JSON.stringify({ id: `b${k}`, type: 'metric-anomaly', time: new Date(t).toISOString(), ci: 'dev/Deployment/shop/batch', severity: 'warning', title: 'x', data: {} }));
      lines.push(JSON.stringify({ id: `g${k}`, type: 'log-anomaly', time: new Date(t + 120_000).toISOString(), ci: 'dev/Ingress/shop/gw', severity: 'warning', title: 'y', data: {} }));
    }
    writeFileSync(file, lines.join('\n') + '\n');
    const r = await run(['--db', ':memory:', '-o', 'json', 'correlate', fx, '--threads', '1', '--events', file]);
    const j = JSON.parse(r.out) as { relations: Array<{ from: string; to: string; lag_seconds: number | null; evidence: Record<string, unknown> }> };
    const ev = j.relations.find((x) => x.evidence.method === 'event-cooccurrence');
    expect(ev).toMatchObject({ from: 'dev/Deployment/shop/batch', to: 'dev/Ingress/shop/gw', lag_seconds: 120 });
    expect(ev!.evidence).toHaveProperty('events.support', 6);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{nope');
    expect((await run(['correlate', fx, '--events', bad])).err).toMatch(/bad\.json: not a JSON array or JSON lines/);
  });

  it('reads OpenMetrics text, mapping workload labels to CIs', async () => {
    const { readLongCsv } = await import('../../collect/metrics/long-csv.js');
    const { series } = readLongCsv(fx);
    const lines = ['# TYPE load gauge'];
    for (const s of series.filter((x) => /gw|web/.test(x.ci!))) {
      const name = s.ci!.split('/')[3];
      for (let k = 0; k < s.values.length; k++) lines.push(`load{namespace="shop",deployment="${name}"} ${s.values[k]} ${s.timestamps[k] / 1000}`);
    }
    lines.push('load{instance="x"} 1 1795305600', '# EOF');
    const file = join(mkdtempSync(join(tmpdir(), 'hc-corr-om-')), 'm.prom');
    writeFileSync(file, lines.join('\n') + '\n');
    const r = await run(['--db', ':memory:', '-o', 'json', 'correlate', file, '--cluster', 'prod', '--threads', '1']);
    expect(r.err).toMatch(/no namespace\/workload labels/);
    const j = JSON.parse(r.out) as { relations: Array<{ from: string; to: string; lag_seconds: number | null }> };
    expect(j.relations).toEqual([expect.objectContaining({ from: 'prod/Deployment/shop/gw', to: 'prod/Deployment/shop/web', lag_seconds: 60 })]);
  });

  it('reads series from Prometheus (a local server replaying query_range answers)', async () => {
    const { createServer } = await import('node:http');
    const { readLongCsv } = await import('../../collect/metrics/long-csv.js');
    const { series } = readLongCsv(fx);
    const t0 = series[0].timestamps[0] / 1000;
    // Answer each range request with the fixture's gw and web series as deployments of namespace shop.
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        const p = new URLSearchParams(body || (req.url ?? '').split('?')[1]);
        const [start, end] = [Number(p.get('start')), Number(p.get('end'))];
        const result = series
          .filter((s) => /gw|web/.test(s.ci!))
          .map((s) => ({
            metric: { __name__: 'rps', namespace: 'shop', deployment: s.ci!.split('/')[3] },
            values: Array.from(s.timestamps, (t, k) => [t / 1000, String(s.values[k])] as [number, string]).filter(([t]) => t >= start && t <= end),
          }));
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ status: 'success', data: { resultType: 'matrix', result } }));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    try {
      const r = await run(['-o', 'json', 'correlate', '--prom', `http://127.0.0.1:${port}`, '--query', 'rps', '--start', String(t0), '--end', String(t0 + 479 * 60), '--threads', '1', '--cluster', 'prod']);
      expect(r.err).toBe('');
      const j = JSON.parse(r.out) as { relations: Array<{ from: string; to: string; lag_seconds: number | null }> };
      expect(j.relations).toEqual([expect.objectContaining({ from: 'prod/Deployment/shop/gw', to: 'prod/Deployment/shop/web', lag_seconds: 60 })]);
      expect((await run(['correlate', '--prom', `http://127.0.0.1:${port}`])).err).toMatch(/--prom needs at least one --query/);
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });

  it('rejects bad input with a one-line cause', async () => {
    expect((await run(['correlate', '/nonexistent/x.csv'])).err).toMatch(/no such file/);
    expect((await run(['correlate'])).err).toMatch(/missing INPUT/);
    const r = await run(['correlate', fx, '--alpha', '2']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--alpha must be in/);
    expect(() => durationSeconds('ten', '--max-lag')).toThrow(/not a duration/);
    expect(durationSeconds('10m', 'x')).toBe(600);
  });
});
