// Collected objects → an indexed Inventory: CIs (sanitised, hashed), pod templates found
// generically, and the declared relations between them. Pure: no I/O.
import type { CI, CiId, SourceRef } from '../model/ci.js';
import { ciId } from '../model/ci.js';
import { ciKind, CLUSTER_SCOPED_KINDS, type KubeObject } from '../model/kube.js';
import type { Relation, RelationType } from '../model/relation.js';
import { sanitizeObject } from '../collect/sanitize.js';
import { createHash } from 'node:crypto';
import type { Coverage, Inventory, InventoryItem, LabelSelector, PodTemplateRef } from './inventory.js';
import { findPodSpecs, desiredReplicas } from './pod-templates.js';
import { LabelIndex, toSelector } from './selectors.js';
import { buildRelations } from './relations.js';

export interface BuildInput {
  obj: KubeObject;
  source?: SourceRef;
}

export interface BuildOptions {
  cluster: string;
  /** Collected from a live API server (status, pods, events are real). */
  live: boolean;
  /** CI kinds the API server refused, with the reason. */
  denied?: Map<string, string>;
  /** CI kinds listed successfully (live); an empty list still means "we looked". */
  kinds?: Iterable<string>;
  /** The API server's gitVersion (live), carried in `coverage.serverVersion`. */
  serverVersion?: string;
}

/** Metadata fields that change without the configuration changing. */
const VOLATILE_META = ['resourceVersion', 'generation', 'managedFields', 'selfLink', 'creationTimestamp', 'uid'];

/** What a CI's configuration hash covers: the object minus status and volatile metadata. */
export function configForHash(obj: KubeObject): Record<string, unknown> {
  const { status: _status, metadata, ...rest } = obj;
  void _status;
  const meta: Record<string, unknown> = { ...metadata };
  for (const k of VOLATILE_META) delete meta[k];
  return { ...rest, metadata: meta };
}

/**
 * The serialised configuration each CI was hashed from. The store writes exactly this text, so a
 * big cluster's objects are serialised once, not twice. Weak: it lives as long as the CI does.
 */
export const configTextOf = new WeakMap<CI, string>();

export function buildInventory(input: BuildInput[], opts: BuildOptions): Inventory {
  const cluster = opts.cluster.replace(/\//g, '_');
  // CRDs in the input tell us which custom kinds are cluster-scoped.
  const clusterScopedCrds = new Set<string>();
  for (const { obj } of input) {
    if (obj.kind === 'CustomResourceDefinition' && obj.spec?.scope === 'Cluster' && obj.spec?.group && obj.spec?.names?.kind) {
      clusterScopedCrds.add(`${obj.spec.names.kind}.${obj.spec.group}`);
    }
  }
  const byId = new Map<CiId, InventoryItem>();
  for (const { obj: raw, source } of input) {
    const obj = sanitizeObject(raw);
    const kind = ciKind(obj.apiVersion, obj.kind);
    const clusterScoped = CLUSTER_SCOPED_KINDS.has(obj.kind) && kind === obj.kind ? true : clusterScopedCrds.has(kind);
    const namespace = clusterScoped ? '' : (obj.metadata.namespace ?? 'default');
    const name = obj.metadata.name ?? `${obj.metadata.generateName ?? ''}*`;
    const id = ciId(cluster, kind, namespace, name);
    const ci: CI = {
      id,
      cluster,
      kind,
      type: 'k8s',
      apiVersion: obj.apiVersion,
      namespace,
      name,
      uid: obj.metadata.uid,
      labels: obj.metadata.labels ?? {},
      annotations: obj.metadata.annotations ?? {},
      config: obj as unknown as Record<string, unknown>,
      hash: '',
      source,
    };
    // Plain JSON, not canonical: API servers and files keep key order stable, and a reordering
    // that does change the hash yields an empty diff, which the store treats as no change.
    const text = JSON.stringify(configForHash(obj));
    ci.hash = createHash('sha256').update(text).digest('hex');
    configTextOf.set(ci, text);
    byId.set(id, { ci, obj, source }); // a later duplicate replaces the earlier one, as `kubectl apply` would
  }
  const items = [...byId.values()];
  const byKind = new Map<string, InventoryItem[]>();
  const byUid = new Map<string, InventoryItem>();
  for (const it of items) {
    const list = byKind.get(it.ci.kind);
    if (list) list.push(it);
    else byKind.set(it.ci.kind, [it]);
    if (it.ci.uid) byUid.set(it.ci.uid, it);
  }

  // Pod templates. Live, a Deployment's ReplicaSets and a CronJob's Jobs repeat their owner's
  // template (old revisions included): keep the owner's and the real Pods.
  const podTemplates: PodTemplateRef[] = [];
  const index = new LabelIndex<PodTemplateRef>();
  for (const it of items) {
    const owners = it.obj.metadata.ownerReferences ?? [];
    if ((it.obj.kind === 'ReplicaSet' && owners.some((o) => o.kind === 'Deployment' || o.kind === 'Rollout')) || (it.obj.kind === 'Job' && owners.some((o) => o.kind === 'CronJob'))) continue;
    if (it.obj.kind === 'PodTemplate') continue; // a stored template, not a workload
    for (const f of findPodSpecs(it.obj)) {
      const ref: PodTemplateRef = { owner: it, path: f.path, labels: f.labels, annotations: f.annotations, spec: f.spec, replicas: desiredReplicas(it.obj), isPod: it.obj.kind === 'Pod' };
      podTemplates.push(ref);
      index.add(it.ci.namespace, ref);
    }
  }

  const kinds = new Set<string>(opts.kinds ?? []);
  for (const k of byKind.keys()) kinds.add(k);
  const namespaces = new Set<string>();
  for (const it of items) {
    if (it.ci.namespace) namespaces.add(it.ci.namespace);
    if (it.obj.kind === 'Namespace') namespaces.add(it.ci.name);
  }
  const coverage: Coverage = { live: opts.live, kinds, denied: opts.denied ?? new Map(), namespaces, ...(opts.serverVersion ? { serverVersion: opts.serverVersion } : {}) };

  const selectPods = (namespace: string, selector: LabelSelector | Record<string, string> | undefined): PodTemplateRef[] => {
    // Files have no pods, so this resolves against templates; live, against pods and templates.
    return index.select(namespace, toSelector(selector));
  };

  const inv: Inventory = {
    cluster,
    items,
    relations: [],
    coverage,
    podTemplates,
    get: (id) => byId.get(id),
    byKind: (kind) => byKind.get(kind) ?? [],
    find: (kind, namespace, name) => byId.get(ciId(cluster, kind, namespace, name)),
    relationsFrom: (id, type) => (fromIdx.get(id) ?? []).filter((r) => !type || r.type === type),
    relationsTo: (id, type) => (toIdx.get(id) ?? []).filter((r) => !type || r.type === type),
    selectPods,
  };
  const fromIdx = new Map<CiId, Relation[]>();
  const toIdx = new Map<CiId, Relation[]>();
  inv.relations = buildRelations(inv, byUid);
  for (const r of inv.relations) {
    push(fromIdx, r.from, r);
    push(toIdx, r.to, r);
  }
  return inv;
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const l = m.get(k);
  if (l) l.push(v);
  else m.set(k, [v]);
}

export type { RelationType };
