// The collected model of one cluster, in memory, indexed for analysis: what checks consume.
// Built by `buildInventory()` (cmdb/build-inventory.ts) from collected objects; the same value is
// what gets stored in the CMDB as a snapshot.
import type { CI, CiId, SourceRef } from '../model/ci.js';
import type { KubeObject } from '../model/kube.js';
import type { Relation, RelationType } from '../model/relation.js';

export interface InventoryItem {
  ci: CI;
  /** The object as collected, *after* secret redaction (never holds Secret values). */
  obj: KubeObject;
  source?: SourceRef;
}

/** A pod spec found anywhere: a Pod, a workload's template, or a template inside a custom resource. */
export interface PodTemplateRef {
  owner: InventoryItem;
  /** JSON path of the pod spec inside the owner, e.g. `$.spec.template.spec`. */
  path: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- PodSpec is a large API type read defensively
  spec: Record<string, any>;
  /** Desired replicas where the owner says so (Deployment/StatefulSet/ReplicaSet/CR `spec.replicas`); 1 for a Pod. */
  replicas?: number;
  /** True for real Pods (live), false for templates. */
  isPod: boolean;
}

/** What the collection could see: checks whose inputs are missing are *skipped*, never passed. */
export interface Coverage {
  /** Live status present (collected from an API server, not from manifest files). */
  live: boolean;
  /** Kinds (CI kinds) that were listed successfully (live) or appear in the files. */
  kinds: Set<string>;
  /** Kinds the API server refused (RBAC), with the reason. */
  denied: Map<string, string>;
  /** Namespaces present in the input (or referenced by objects in it). */
  namespaces: Set<string>;
  /** The API server's version (`GET /version` gitVersion, e.g. `v1.31.2`), when collected live. */
  serverVersion?: string;
}

export interface Inventory {
  cluster: string;
  items: InventoryItem[];
  relations: Relation[];
  coverage: Coverage;
  podTemplates: PodTemplateRef[];

  get(id: CiId): InventoryItem | undefined;
  /** By CI kind (`Deployment`, `Rollout.argoproj.io`). */
  byKind(kind: string): InventoryItem[];
  find(kind: string, namespace: string, name: string): InventoryItem | undefined;
  relationsFrom(id: CiId, type?: RelationType): Relation[];
  relationsTo(id: CiId, type?: RelationType): Relation[];
  /** Pod templates (and live pods) whose labels match the selector in `namespace` (indexed, not a scan). */
  selectPods(namespace: string, selector: LabelSelector | Record<string, string> | undefined): PodTemplateRef[];
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: Array<{ key: string; operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist'; values?: string[] }>;
}

export type { CI };
