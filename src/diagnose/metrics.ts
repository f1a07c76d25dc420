// Metric signals for a diagnosis, from Prometheus (kube-state-metrics and ingress-nginx series):
// restarts, OOM kills, not-ready pods and 5xx rates over the last hour in the namespace in scope.
// Fetched before the (synchronous) playbook walk and handed to it as a SignalResult.
import { PrometheusClient } from '../collect/prometheus/client.js';
import type { SignalResult } from './signals.js';

interface MetricQuery {
  name: string;
  query: (ns: string) => string;
  /** Turns the last value of each series into an evidence line, or undefined when it is fine. */
  show: (labels: Record<string, string>, v: number) => string | undefined;
  fix?: string;
}

const sel = (ns: string) => (ns ? `namespace="${ns.replace(/"/g, '')}"` : '');

const QUERIES: MetricQuery[] = [
  {
    name: 'restarts',
    query: (ns) => `sum by (namespace, pod) (increase(kube_pod_container_status_restarts_total{${sel(ns)}}[1h]))`,
    show: (l, v) => (v >= 1 ? `pod ${l.namespace}/${l.pod}: ${Math.round(v)} restart(s) in the last hour` : undefined),
    fix: 'restarting pods: read `kubectl logs --previous` and the termination reason',
  },
  {
    name: 'oom',
    query: (ns) => `max by (namespace, pod, container) (kube_pod_container_status_last_terminated_reason{reason="OOMKilled"${ns ? `,${sel(ns)}` : ''}})`,
    show: (l, v) => (v >= 1 ? `pod ${l.namespace}/${l.pod} container ${l.container}: last terminated OOMKilled` : undefined),
    fix: 'OOMKilled: confirm with TB-MEM-LIMIT, DB-MEM-LIMIT, APP-HEAP-LIMIT and size memory to the limit',
  },
  {
    name: 'not-ready',
    query: (ns) => `sum by (namespace, pod) (kube_pod_status_ready{condition="false"${ns ? `,${sel(ns)}` : ''}})`,
    show: (l, v) => (v >= 1 ? `pod ${l.namespace}/${l.pod} not Ready` : undefined),
    fix: 'pods not Ready: check readiness probes (K8S-READINESS) and the dependencies they test',
  },
  {
    name: 'http-5xx',
    query: (ns) => `sum by (namespace, ingress, status) (rate(nginx_ingress_controller_requests{status=~"5.."${ns ? `,${sel(ns)}` : ''}}[5m]))`,
    show: (l, v) => (v > 0 ? `ingress ${l.namespace}/${l.ingress}: ${v.toFixed(2)} req/s answered ${l.status}` : undefined),
  },
];

export async function metricSignals(url: string, namespace: string, opts: { now?: number; fetch?: typeof fetch } = {}): Promise<SignalResult> {
  const client = new PrometheusClient({ url, retries: 2, timeoutMs: 10_000, fetch: opts.fetch });
  const end = opts.now ?? Date.now();
  const evidence: string[] = [];
  const fixes = new Set<string>();
  let failed = 0;
  for (const q of QUERIES) {
    try {
      const series = await client.queryRange(q.query(namespace), end - 5 * 60_000, end, 60_000);
      for (const s of series) {
        const v = Number(s.values[s.values.length - 1]);
        const line = Number.isFinite(v) ? q.show(s.labels, v) : undefined;
        if (line) {
          evidence.push(line);
          if (q.fix) fixes.add(q.fix);
        }
      }
    } catch (e) {
      failed++;
      evidence.push(`${q.name}: ${(e as Error).message.split('\n')[0]}`);
    }
  }
  if (failed === QUERIES.length) return { status: 'skipped', evidence, fixes: [] };
  return { status: fixes.size || evidence.some((e) => /req\/s/.test(e)) ? 'fail' : 'pass', evidence: evidence.length ? evidence : ['no restarts, OOM kills, not-ready pods or 5xx in the last hour'], fixes: [...fixes] };
}
