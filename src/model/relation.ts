import type { CiId } from './ci.js';

export type RelationType =
  | 'owns' // ownerReferences: Deployment → ReplicaSet → Pod
  | 'selects' // label selectors: Service/PDB/NetworkPolicy → Pods or workload templates
  | 'endpoints' // Endpoints/EndpointSlice → Pod (live)
  | 'runs-on' // Pod → Node
  | 'mounts' // Pod/template → ConfigMap/Secret/PVC (volumes, projected volumes)
  | 'uses' // env/envFrom refs, imagePullSecrets, ServiceAccount
  | 'claims' // PVC → PV
  | 'provisioned-by' // PV/PVC → StorageClass
  | 'routes-to' // Ingress → Service, web tier → WAS tier
  | 'scales' // HPA → target
  | 'protects' // PDB → Pods
  | 'allows' // NetworkPolicy → peers it admits
  | 'limits' // ResourceQuota/LimitRange → Namespace
  | 'binds' // RoleBinding → Role / subjects
  | 'connects-to' // WAS → DB, or inferred from telemetry
  | 'contains' // Namespace → object
  | 'correlates-with'; // inferred, undirected statistical relation

export type RelationSource = 'declared' | 'inferred';

export interface Relation {
  from: CiId;
  to: CiId;
  type: RelationType;
  source: RelationSource;
  /** 0..1, for inferred relations. */
  confidence?: number;
  /** Why we believe it: the keys that define a declared link, the statistics of an inferred one. */
  evidence?: Record<string, unknown>;
  /** True when `to` is referenced but absent from the inventory (a broken reference). */
  dangling?: boolean;
}

export function relationKey(r: Pick<Relation, 'from' | 'to' | 'type'>): string {
  return `${r.from}|${r.type}|${r.to}`;
}
