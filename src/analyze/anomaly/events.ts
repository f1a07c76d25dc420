// Anomalies → events (type 'metric-anomaly') tied to the CI the series comes from. Pure.
import type { HcEvent } from '../../model/event.js';
import type { Series } from '../../model/telemetry.js';
import { ciId, type CiId } from '../../model/ci.js';
import type { Severity } from '../../model/finding.js';
import type { Anomaly } from './episodes.js';

/**
 * The workload a pod belongs to, from its name: `web-7d4b9c8f6d-x2x9k` → Deployment `web`,
 * `db-0` → StatefulSet `db`, `agent-x2x9k` → DaemonSet `agent` (could also be a Job's pod), else the
 * Pod itself. Without the Kubernetes API this is a naming heuristic; the CI id says which kind.
 */
export function workloadFromPod(pod: string): { kind: string; name: string } {
  let m = /^(.+)-([bcdfghjklmnpqrstvwxz2456789]{6,10})-([bcdfghjklmnpqrstvwxz2456789]{5})$/.exec(pod);
  if (m) return { kind: 'Deployment', name: m[1] };
  m = /^(.+)-(\d+)$/.exec(pod);
  if (m) return { kind: 'StatefulSet', name: m[1] };
  m = /^(.+)-([bcdfghjklmnpqrstvwxz2456789]{5})$/.exec(pod);
  if (m) return { kind: 'DaemonSet', name: m[1] };
  return { kind: 'Pod', name: pod };
}

/** CI of a series from its labels (namespace + pod/deployment/statefulset/...); undefined when the labels do not say. */
export function ciFromLabels(labels: Record<string, string>, cluster = labels.cluster ?? 'default'): CiId | undefined {
  const ns = labels.namespace ?? labels.exported_namespace ?? labels.kubernetes_namespace;
  const explicit: Array<[string, string]> = [
    ['deployment', 'Deployment'],
    ['statefulset', 'StatefulSet'],
    ['daemonset', 'DaemonSet'],
    ['job_name', 'Job'],
    ['cronjob', 'CronJob'],
  ];
  if (ns) {
    for (const [label, kind] of explicit) if (labels[label]) return ciId(cluster, kind, ns, labels[label]);
    const pod = labels.pod ?? labels.pod_name ?? labels.kubernetes_pod_name;
    if (pod) {
      const w = workloadFromPod(pod);
      return ciId(cluster, w.kind, ns, w.name);
    }
    if (labels.service) return ciId(cluster, 'Service', ns, labels.service);
  }
  const node = labels.node ?? labels.kubernetes_node;
  if (node) return ciId(cluster, 'Node', '', node);
  return undefined;
}

function severity(peak: number): Severity {
  // peak is 1 − p; p ≤ 1e-4 critical, else warning.
  return peak >= 0.9999 ? 'critical' : 'warning';
}

function labelString(labels: Record<string, string>): string {
  return Object.keys(labels)
    .sort()
    .map((k) => `${k}="${labels[k]}"`)
    .join(',');
}

function iso(ms: number): string {
  return Number.isFinite(ms) ? new Date(ms).toISOString() : new Date(0).toISOString();
}

/**
 * One event per anomaly. The dedupKey identifies "this series is anomalous in this way" so a
 * later run that sees the same anomaly continuing extends the stored event instead of adding one;
 * the event id is unique per start.
 */
export function anomaliesToEvents(series: Series, anomalies: Anomaly[], opts: { cluster?: string; source?: string } = {}): HcEvent[] {
  const ci = series.ci ?? ciFromLabels(series.labels, opts.cluster);
  const sel = `${series.metric}{${labelString(series.labels)}}`;
  return anomalies.map((a) => {
    const dedupKey = `metric-anomaly|${ci ?? ''}|${sel}|${a.component === 'seasonal' || a.component === 'level' ? 'value' : a.component}`;
    return {
      id: `${dedupKey}|${iso(a.start)}`,
      type: 'metric-anomaly',
      time: iso(a.start),
      end: iso(a.end),
      ci,
      severity: severity(a.peakScore),
      title: `${series.metric} anomalous: ${a.observed >= a.expected ? 'above' : 'below'} expected (${a.component})`,
      dedupKey,
      data: {
        metric: series.metric,
        labels: series.labels,
        peakScore: a.peakScore,
        peakTime: iso(a.peak),
        observed: a.observed,
        expected: a.expected,
        band: a.band,
        component: a.component,
        z: a.z,
        explanation: a.explanation,
        ...(opts.source ? { source: opts.source } : {}),
      },
    } satisfies HcEvent;
  });
}
