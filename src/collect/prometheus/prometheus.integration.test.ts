// Against a real Prometheus (Debian package `prometheus`, installed by .ci/deps/prometheus.sh):
// test series are written as OpenMetrics, backfilled with `promtool tsdb create-blocks-from
// openmetrics`, served by `prometheus` on a free loopback port, and read back through the client.
// With CI=true a missing Prometheus is a failure; locally the suite is skipped with a message.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PrometheusClient, PrometheusError } from './client.js';
import { writeOpenMetrics } from '../metrics/openmetrics.js';
import { scoresForSeries } from '../../analyze/anomaly/pipeline.js';
import type { Series } from '../../model/telemetry.js';
import { main } from '../../cli/main.js';
import { Readable } from 'node:stream';

// Binaries may live elsewhere than on PATH: PROMETHEUS_BIN / PROMTOOL_BIN.
const PROMETHEUS = process.env.PROMETHEUS_BIN || 'prometheus';
const PROMTOOL = process.env.PROMTOOL_BIN || 'promtool';
const has = (bin: string) => spawnSync(bin, ['--version'], { stdio: 'ignore' }).status === 0;
const available = has(PROMETHEUS) && has(PROMTOOL);
const inCi = process.env.CI === 'true';
if (!available && !inCi) console.warn('prometheus.integration: skipped — `prometheus`/`promtool` not installed (run .ci/deps/prometheus.sh)');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });
}

const STEP = 15_000;
// Two hours of 15 s samples ending an hour ago (inside the default 15 d retention).
const END = Math.floor((Date.now() - 3_600_000) / STEP) * STEP;
const N = 480;
const START = END - (N - 1) * STEP;

function testSeries(): Series[] {
  const ts = Float64Array.from({ length: N }, (_, i) => START + i * STEP);
  const mk = (pod: string, f: (i: number) => number): Series => ({
    metric: 'hc_test_latency_seconds',
    labels: { namespace: 'shop', pod },
    timestamps: ts,
    values: Float64Array.from({ length: N }, (_, i) => f(i)),
  });
  return [mk('web-7d4b9c8f6d-x2x9k', (i) => 0.2 + 0.01 * Math.sin(i / 7) + (i >= 400 ? 0.5 : 0)), mk('web-7d4b9c8f6d-abcde', (i) => 0.3 + 0.01 * Math.cos(i / 5))];
}

describe.skipIf(!available && !inCi)('Prometheus integration (real server)', () => {
  let dir = '';
  let proc: ChildProcess | undefined;
  let url = '';
  let log = '';

  beforeAll(async () => {
    if (!available) throw new Error('CI=true but `prometheus`/`promtool` are missing: run .ci/deps/prometheus.sh');
    dir = mkdtempSync(join(tmpdir(), 'hc-prom-'));
    const om = join(dir, 'series.om');
    writeFileSync(om, writeOpenMetrics(testSeries()));
    const bf = spawnSync(PROMTOOL, ['tsdb', 'create-blocks-from', 'openmetrics', om, join(dir, 'data')], { encoding: 'utf8' });
    if (bf.status !== 0) throw new Error(`promtool backfill failed: ${bf.stderr || bf.stdout}`);
    writeFileSync(join(dir, 'prometheus.yml'), 'global:\n  scrape_interval: 1h\n');
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    proc = spawn(PROMETHEUS, [`--config.file=${join(dir, 'prometheus.yml')}`, `--storage.tsdb.path=${join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`, '--storage.tsdb.retention.time=30d'], { stdio: ['ignore', 'pipe', 'pipe'] });
    proc.stderr?.on('data', (d) => (log = (log + d).slice(-4000)));
    const deadline = Date.now() + 45_000;
    for (;;) {
      if (proc.exitCode !== null) throw new Error(`prometheus exited (${proc.exitCode}): ${log}`);
      try {
        const r = await fetch(`${url}/-/ready`);
        if (r.ok) break;
      } catch {
        /* not listening yet */
      }
      if (Date.now() > deadline) throw new Error(`prometheus not ready after 45 s: ${log}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }, 60_000);

  afterAll(async () => {
    const p = proc;
    if (p && p.exitCode === null) {
      const exited = new Promise<void>((r) => p.once('exit', () => r()));
      p.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (p.exitCode === null) p.kill('SIGKILL');
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, 20_000);

  it('reads the backfilled series back, in chunks, with their labels', async () => {
    const c = new PrometheusClient({ url, maxPointsPerRequest: 100 });
    const out = await c.queryRange('hc_test_latency_seconds', START, END, STEP);
    expect(out.length).toBe(2);
    const web = out.find((s) => s.labels.pod === 'web-7d4b9c8f6d-x2x9k')!;
    expect(web.metric).toBe('hc_test_latency_seconds');
    expect(web.labels.namespace).toBe('shop');
    expect(web.values.length).toBe(N);
    const want = testSeries()[0];
    for (let i = 0; i < N; i++) {
      expect(web.timestamps[i]).toBe(want.timestamps[i]);
      expect(web.values[i]).toBeCloseTo(want.values[i], 9);
    }
    // The detector sees the shift at row 400 in what came back from Prometheus.
    const s = scoresForSeries(web);
    let best = 0;
    for (let i = 1; i < N; i++) if (s[i] > s[best]) best = i;
    expect(best).toBeGreaterThanOrEqual(400);
    expect(best).toBeLessThan(410);
  }, 30_000);

  it('`hypercas anomaly --prom` finds the shift and ties it to the workload CI', async () => {
    let out = '';
    let err = '';
    const code = await main(
      ['node', 'hypercas', '-o', 'json', 'anomaly', '--prom', url, '--query', 'hc_test_latency_seconds', '--start', String(START / 1000), '--end', String(END / 1000), '--step', '15s', '--cluster', 'test'],
      { out: (x) => void (out += x), err: (x) => void (err += x), isTTY: false, stdin: Readable.from(['']) },
    );
    expect(code, err).toBe(0);
    const res = JSON.parse(out) as Array<{ ci: string; series: string; anomalies: Array<{ start: string }> }>;
    const web = res.find((r) => r.series.includes('x2x9k'))!;
    expect(web.ci).toBe('test/Deployment/shop/web');
    expect(web.anomalies.some((a) => Date.parse(a.start) >= START + 400 * STEP && Date.parse(a.start) < START + 410 * STEP)).toBe(true);
  }, 30_000);

  it('names the query in the error Prometheus returns for bad PromQL', async () => {
    const c = new PrometheusClient({ url, retries: 1 });
    const err = (await c.queryRange('rate(hc_test_latency_seconds[5m]', START, END, STEP).catch((e: unknown) => e)) as PrometheusError;
    expect(err).toBeInstanceOf(PrometheusError);
    expect(err.errorType).toBe('bad_data');
    expect(err.message).toContain('rate(hc_test_latency_seconds[5m]');
  }, 30_000);
});
