// Lines map to CIs: a pod's lines belong to its workload. Without the owner references at hand
// (Loki/Elasticsearch labels carry only names) the workload is read off the generated pod name:
// `<deploy>-<rs hash>-<5>` → Deployment, `<sts>-<ordinal>` → StatefulSet, `<ds|job>-<5>` → the
// pod itself (DaemonSet and Job pods look alike), anything else → the pod.
import { ciId, type CiId } from '../../model/ci.js';

export function workloadOfPod(pod: string): { kind: string; name: string } {
  let m = /^(.+)-[a-z0-9]{6,10}-[a-z0-9]{5}$/.exec(pod);
  if (m && /\d/.test(pod.slice(m[1].length))) return { kind: 'Deployment', name: m[1] };
  m = /^(.+)-(\d{1,4})$/.exec(pod);
  if (m) return { kind: 'StatefulSet', name: m[1] };
  return { kind: 'Pod', name: pod };
}

/** The CI of a pod's lines (its workload when the name says so). */
export function ciForPod(cluster: string, namespace: string, pod: string): CiId {
  const w = workloadOfPod(pod);
  return ciId(cluster, w.kind, namespace, w.name);
}

/** CI from common log labels (Loki promtail/alloy, Fluent Bit, Filebeat/ECS), if they name a pod. */
export function ciFromLogLabels(cluster: string, labels: Record<string, string>): CiId | undefined {
  const ns = labels.namespace ?? labels.namespace_name ?? labels.k8s_namespace_name ?? labels['kubernetes.namespace'] ?? labels['kubernetes.namespace_name'];
  const pod = labels.pod ?? labels.pod_name ?? labels.k8s_pod_name ?? labels['kubernetes.pod.name'] ?? labels['kubernetes.pod_name'];
  return ns && pod ? ciForPod(cluster, ns, pod) : undefined;
}
