// Finds pod specs wherever they are: Pods, workload templates, CronJob job templates, and templates
// inside custom resources (Argo Rollouts, Knative Services, ...), without a list of CRD shapes.
import type { KubeObject } from '../model/kube.js';

export interface FoundPodSpec {
  path: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- PodSpec, read defensively by callers
  spec: Record<string, any>;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

const MAX_DEPTH = 8;
const SKIP_KEYS = new Set(['metadata', 'status', 'data', 'stringData', 'binaryData']);

function isPodSpec(o: Record<string, unknown>): boolean {
  const c = o.containers;
  return Array.isArray(c) && c.length > 0 && c.every((x) => x && typeof x === 'object' && typeof (x as Record<string, unknown>).image === 'string');
}

export function findPodSpecs(obj: KubeObject): FoundPodSpec[] {
  if (obj.kind === 'Pod') {
    return obj.spec && isPodSpec(obj.spec)
      ? [{ path: '$.spec', spec: obj.spec, labels: obj.metadata.labels ?? {}, annotations: obj.metadata.annotations ?? {} }]
      : [];
  }
  const out: FoundPodSpec[] = [];
  const walk = (node: Record<string, unknown>, path: string, depth: number, parentMeta?: Record<string, unknown>) => {
    if (depth > MAX_DEPTH) return;
    if (isPodSpec(node)) {
      out.push({
        path,
        spec: node,
        labels: (parentMeta?.labels as Record<string, string>) ?? {},
        annotations: (parentMeta?.annotations as Record<string, string>) ?? {},
      });
      return; // a pod spec does not contain another one
    }
    for (const [k, v] of Object.entries(node)) {
      if (SKIP_KEYS.has(k) || !v || typeof v !== 'object') continue;
      if (Array.isArray(v)) {
        v.forEach((el, i) => {
          if (el && typeof el === 'object' && !Array.isArray(el)) walk(el as Record<string, unknown>, `${path}.${k}[${i}]`, depth + 1, (el as Record<string, unknown>).metadata as Record<string, unknown>);
        });
      } else {
        // A template's labels sit beside its spec: {metadata: {labels}, spec: {containers}}.
        const meta = k === 'spec' ? (node.metadata as Record<string, unknown> | undefined) : undefined;
        walk(v as Record<string, unknown>, `${path}.${k}`, depth + 1, meta);
      }
    }
  };
  for (const [k, v] of Object.entries(obj)) {
    if (SKIP_KEYS.has(k) || k === 'apiVersion' || k === 'kind' || !v || typeof v !== 'object' || Array.isArray(v)) continue;
    walk(v as Record<string, unknown>, `$.${k}`, 1, undefined);
  }
  return out;
}

/** Desired replicas of a workload that declares them; undefined when the owner does not say. */
export function desiredReplicas(obj: KubeObject): number | undefined {
  const r = obj.spec?.replicas;
  if (typeof r === 'number') return r;
  if (['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController'].includes(obj.kind)) return 1; // API default
  if (obj.kind === 'Pod') return 1;
  if (obj.kind === 'Job') return typeof obj.spec?.parallelism === 'number' ? obj.spec.parallelism : 1;
  if (obj.kind === 'CronJob') return 1;
  return undefined;
}
