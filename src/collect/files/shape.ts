// Shape checks for the fields every reader downstream relies on. A manifest kubectl would reject
// (containers: 5, labels: [x], replicas: 1e29) is still loaded, but said to be wrong with its path:
// otherwise a Deployment with a broken pod template silently stops being a workload to every check.

/** A problem at a path inside one object (path segments as YAML keys / list indexes). */
export interface ShapeProblem {
  path: Array<string | number>;
  message: string;
}

const isMap = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** Where the pod spec of each built-in kind lives. */
const POD_SPEC_PATH: Record<string, string[]> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};
const WORKLOADS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController']);

export function shapeProblems(o: Record<string, unknown>): ShapeProblem[] {
  const out: ShapeProblem[] = [];
  const bad = (path: Array<string | number>, message: string) => out.push({ path, message });
  const meta = o.metadata as Record<string, unknown>;
  if (typeof meta.name !== 'string' && meta.name !== undefined) bad(['metadata', 'name'], 'must be a string');
  // The API server never accepts these; in a CI id (cluster/kind/namespace/name) they would split or corrupt it.
  else if (typeof meta.name === 'string' && /[/\s]/.test(meta.name)) bad(['metadata', 'name'], `must not contain "/" or whitespace, got ${JSON.stringify(meta.name).slice(0, 60)}`);
  if (meta.namespace !== undefined && typeof meta.namespace !== 'string') bad(['metadata', 'namespace'], 'must be a string');
  else if (typeof meta.namespace === 'string' && !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(meta.namespace)) bad(['metadata', 'namespace'], `must be a DNS label (lower-case letters, digits, "-"), got ${JSON.stringify(meta.namespace).slice(0, 60)}`);
  for (const k of ['labels', 'annotations'] as const) {
    const m = meta[k];
    if (m === undefined || m === null) continue;
    if (!isMap(m)) bad(['metadata', k], 'must be a mapping of strings');
    else for (const [key, v] of Object.entries(m)) if (typeof v !== 'string') bad(['metadata', k, key], `must be a string (quote it: "${String(v).slice(0, 20)}")`);
  }
  const kind = String(o.kind);
  const spec = o.spec;
  if (spec !== undefined && spec !== null && !isMap(spec) && kind in POD_SPEC_PATH) {
    bad(['spec'], 'must be a mapping');
    return out;
  }
  if (WORKLOADS.has(kind) && isMap(spec)) {
    const r = spec.replicas;
    if (r !== undefined && r !== null && !(typeof r === 'number' && Number.isSafeInteger(r) && r >= 0)) bad(['spec', 'replicas'], `must be a non-negative integer, got ${JSON.stringify(r)?.slice(0, 30)}`);
    if (spec.selector !== undefined && spec.selector !== null && !isMap(spec.selector)) bad(['spec', 'selector'], 'must be a mapping (matchLabels / matchExpressions)');
  }
  if (kind === 'Service' && isMap(spec)) {
    if (spec.selector !== undefined && spec.selector !== null && !isMap(spec.selector)) bad(['spec', 'selector'], 'must be a mapping of labels');
    if (spec.ports !== undefined && spec.ports !== null && !Array.isArray(spec.ports)) bad(['spec', 'ports'], 'must be a list');
  }
  const podPath = POD_SPEC_PATH[kind];
  if (!podPath) return out;
  let node: unknown = o;
  for (let i = 0; i < podPath.length; i++) {
    node = isMap(node) ? node[podPath[i]] : undefined;
    if (node === undefined || node === null) return out; // absent: other readers report missing parts
    if (!isMap(node)) {
      bad(podPath.slice(0, i + 1), 'must be a mapping');
      return out;
    }
  }
  const pod = node as Record<string, unknown>;
  for (const list of ['containers', 'initContainers'] as const) {
    const cs = pod[list];
    if (cs === undefined || cs === null) continue;
    if (!Array.isArray(cs)) {
      bad([...podPath, list], 'must be a list of containers');
      continue;
    }
    cs.forEach((c, i) => {
      const at = [...podPath, list, i];
      if (!isMap(c)) return bad(at, 'must be a container (a mapping with name and image)');
      if (typeof c.name !== 'string') bad([...at, 'name'], 'must be a string');
      for (const f of ['env', 'ports', 'volumeMounts', 'envFrom']) if (c[f] !== undefined && c[f] !== null && !Array.isArray(c[f])) bad([...at, f], 'must be a list');
    });
  }
  if (pod.volumes !== undefined && pod.volumes !== null && !Array.isArray(pod.volumes)) bad([...podPath, 'volumes'], 'must be a list');
  return out;
}

/** `spec.template.spec.containers[0]` */
export function pathText(path: Array<string | number>): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${p}` : p)).join('');
}
