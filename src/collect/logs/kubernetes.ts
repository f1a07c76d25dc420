// Pod logs through the Kubernetes API (@kubernetes/client-node, CoreV1Api.readNamespacedPodLog)
// with timestamps. stdout and stderr come apart where the API server can split them (the
// `stream` parameter, Kubernetes 1.32+ with PodLogsQuerySplitStreams); elsewhere the API merges
// them and records carry no stream. Lines map to the pod's workload CI. Memory is bounded by
// `limitBytes` (default 16 MiB per stream).
import { CoreV1Api, type KubeConfig } from '@kubernetes/client-node';
import type { LogRecord, LogStream } from '../../model/telemetry.js';
import { ciForPod } from './ci-map.js';
import { parseTime } from './line-formats.js';

export interface PodLogQuery {
  kc: KubeConfig;
  cluster: string;
  namespace: string;
  pod: string;
  container?: string;
  sinceSeconds?: number;
  tailLines?: number;
  limitBytes?: number;
  previous?: boolean;
  /** Ask for stdout and stderr separately (default true; falls back when refused). */
  splitStreams?: boolean;
}

export interface PodLogs {
  records: LogRecord[];
  /** Whether stdout/stderr were told apart. */
  split: boolean;
}

function toRecords(text: string, q: PodLogQuery, stream?: LogStream): LogRecord[] {
  const ci = ciForPod(q.cluster, q.namespace, q.pod);
  const out: LogRecord[] = [];
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const sp = line.indexOf(' ');
    const ts = sp > 0 ? parseTime(line.slice(0, sp)) : undefined;
    const message = ts !== undefined ? line.slice(sp + 1) : line;
    const r: LogRecord = { message, raw: message, ci, labels: { namespace: q.namespace, pod: q.pod, ...(q.container ? { container: q.container } : {}) } };
    if (ts !== undefined) r.ts = ts;
    if (stream) r.stream = stream;
    out.push(r);
  }
  return out;
}

function statusOf(e: unknown): number | undefined {
  const c = (e as { code?: unknown }).code;
  return typeof c === 'number' ? c : undefined;
}

export async function readPodLogs(q: PodLogQuery): Promise<PodLogs> {
  const api = q.kc.makeApiClient(CoreV1Api);
  const base = {
    name: q.pod,
    namespace: q.namespace,
    container: q.container,
    timestamps: true,
    sinceSeconds: q.sinceSeconds,
    tailLines: q.tailLines,
    limitBytes: q.limitBytes ?? 16 << 20,
    previous: q.previous,
  };
  if (q.splitStreams !== false) {
    try {
      const [out, err] = await Promise.all([api.readNamespacedPodLog({ ...base, stream: 'Stdout' }), api.readNamespacedPodLog({ ...base, stream: 'Stderr' })]);
      const records = [...toRecords(out, q, 'stdout'), ...toRecords(err, q, 'stderr')].sort((a, b) => (a.ts ?? 0) - (b.ts ?? 0));
      return { records, split: true };
    } catch (e) {
      // 400/422: this API server does not know `stream` (feature gate off) or refuses it with tailLines.
      const s = statusOf(e);
      if (s !== 400 && s !== 422) throw e;
    }
  }
  const text = await api.readNamespacedPodLog(base);
  return { records: toRecords(text, q), split: false };
}
