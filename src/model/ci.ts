// Configuration items: the things HyperCAS knows about. One vocabulary everywhere (see DESIGN.md).

/** `cluster/kind/namespace/name`; cluster-scoped objects use `_` as namespace. */
export type CiId = string;

export type CiType = 'k8s' | 'application' | 'host';

/** Where a piece of configuration came from, so findings can point back at it. */
export interface SourceRef {
  file?: string;
  /** 1-based line of the object's first line in `file`. */
  line?: number;
  url?: string;
}

export interface CI {
  id: CiId;
  cluster: string;
  /** `Deployment`, `Rollout.argoproj.io` (CRDs carry their group), `App.nginx` for application CIs. */
  kind: string;
  type: CiType;
  apiVersion?: string;
  /** '' for cluster-scoped objects. */
  namespace: string;
  name: string;
  uid?: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** The sanitised object (secret values removed). For Kubernetes CIs: the whole manifest minus noise. */
  config: Record<string, unknown>;
  /** sha256 of the canonical JSON of `config` (plus labels/annotations). */
  hash: string;
  source?: SourceRef;
  firstSeen?: string;
  lastSeen?: string;
}

export const CLUSTER_SCOPED_NS = '_';

export function ciId(cluster: string, kind: string, namespace: string, name: string): CiId {
  return `${cluster}/${kind}/${namespace || CLUSTER_SCOPED_NS}/${name}`;
}

export interface ParsedCiId {
  cluster: string;
  kind: string;
  namespace: string;
  name: string;
}

/** Splits an id; names may contain '/', so only the first three separators count. */
export function parseCiId(id: CiId): ParsedCiId | undefined {
  const a = id.indexOf('/');
  const b = a < 0 ? -1 : id.indexOf('/', a + 1);
  const c = b < 0 ? -1 : id.indexOf('/', b + 1);
  if (c < 0) return undefined;
  const ns = id.slice(b + 1, c);
  return { cluster: id.slice(0, a), kind: id.slice(a + 1, b), namespace: ns === CLUSTER_SCOPED_NS ? '' : ns, name: id.slice(c + 1) };
}
