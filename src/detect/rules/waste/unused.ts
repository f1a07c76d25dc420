// Orphans: ConfigMaps, Secrets and PVCs nothing uses. Users' complaint about "unused" detectors is
// missed reference paths (valueFrom, projected volumes, imagePullSecrets — popeye#161, #365, #32), so
// besides the CMDB's declared relations we accept any object in the namespace that names it
// (ServiceAccount imagePullSecrets, Ingress TLS, custom resources, annotations).
import type { Check, CheckMeta } from '../../check.js';
import type { Inventory, InventoryItem } from '../../../cmdb/inventory.js';
import type { Finding } from '../../../model/finding.js';
import { finding } from '../../util/finding.js';
import { deployment, goodContainer, obj, yamlDocs } from '../../util/examples.js';
import { namespacesWithPods } from '../../util/refs.js';

/** Control-plane namespaces: their ConfigMaps/Secrets are read by components we do not model. */
const SYSTEM_NS = new Set(['kube-system', 'kube-public', 'kube-node-lease']);

const NOT_CONSUMERS = new Set(['ConfigMap', 'Secret', 'Event', 'Endpoints', 'EndpointSlice']);

/** Every string value in non-pod objects, per namespace (one pass, cached). */
const mentionCache = new WeakMap<Inventory, Map<string, Set<string>>>();
function mentions(inv: Inventory): Map<string, Set<string>> {
  let m = mentionCache.get(inv);
  if (m) return m;
  m = new Map();
  const walk = (v: unknown, set: Set<string>, depth: number) => {
    if (depth > 12 || v === null || v === undefined) return;
    if (typeof v === 'string') {
      if (v.length < 254) set.add(v);
      return;
    }
    if (Array.isArray(v)) for (const x of v) walk(x, set, depth + 1);
    else if (typeof v === 'object') for (const x of Object.values(v)) walk(x, set, depth + 1);
  };
  for (const it of inv.items) {
    if (NOT_CONSUMERS.has(it.ci.kind) || it.obj.kind === 'Pod') continue;
    const set = m.get(it.ci.namespace) ?? new Set<string>();
    // Pod templates are covered by declared relations; the rest of the object is scanned.
    const { metadata, ...rest } = it.obj;
    walk(rest, set, 0);
    walk(metadata?.annotations, set, 0);
    m.set(it.ci.namespace, set);
  }
  mentionCache.set(inv, m);
  return m;
}

function used(inv: Inventory, item: InventoryItem): boolean {
  if (inv.relationsTo(item.ci.id).some((r) => r.type === 'mounts' || r.type === 'uses')) return true;
  return mentions(inv).get(item.ci.namespace)?.has(item.ci.name) ?? false;
}

function unusedCheck(meta: CheckMeta, kind: string, skip: (i: InventoryItem, inv: Inventory) => boolean): Check {
  return {
    meta,
    run(ctx) {
      const out: Finding[] = [];
      const withPods = namespacesWithPods(ctx.inv);
      const incomplete = new Set<string>();
      for (const item of ctx.inv.byKind(kind)) {
        if (SYSTEM_NS.has(item.ci.namespace) || skip(item, ctx.inv) || (item.obj.metadata?.ownerReferences ?? []).length) continue;
        if (!withPods.has(item.ci.namespace)) {
          incomplete.add(item.ci.namespace);
          continue;
        }
        if (used(ctx.inv, item)) continue;
        out.push(finding(meta, item, { message: `${kind} ${item.ci.name} is not used by any pod or object in ${item.ci.namespace}`, evidence: { kind, name: item.ci.name } }));
      }
      for (const ns of incomplete) ctx.note?.(`incomplete input: namespace ${ns} has no workloads in the input; its ${kind}s were not judged`);
      return out;
    },
  };
}

const SYSTEM_CM = /^(kube-root-ca\.crt|openshift-service-ca\.crt|istio-ca-root-cert|.*-lock|.*leader.*)$/;

export const configmapUnused = unusedCheck({
  id: 'configmap-unused', title: 'Unused ConfigMap', category: 'waste', severity: 'info',
  aliases: ['popeye:400', 'k8sgpt:ConfigMap'], needs: ['kind:Pod'],
  docs: { why: 'A ConfigMap nothing references is dead configuration: people edit it expecting an effect.', fix: 'Delete it, or reference it from the workload that should use it.' },
  examples: {
    fail: yamlDocs(obj('v1', 'ConfigMap', 'old-config', { data: { a: '1' } }), deployment('web')),
    pass: yamlDocs(obj('v1', 'ConfigMap', 'env', { data: { a: '1' } }), obj('v1', 'ConfigMap', 'proj', { data: { a: '1' } }), deployment('web', { volumes: [{ name: 'p', projected: { sources: [{ configMap: { name: 'proj' } }] } }] }, { containers: [goodContainer({ env: [{ name: 'A', valueFrom: { configMapKeyRef: { name: 'env', key: 'a' } } }] })] })),
  },
}, 'ConfigMap', (i) => SYSTEM_CM.test(i.ci.name));

export const secretUnused = unusedCheck({
  id: 'secret-unused', title: 'Unused Secret', category: 'waste', severity: 'info',
  aliases: ['popeye:400'], needs: ['kind:Pod'],
  docs: { why: 'An unused Secret is a credential that still grants access but protects nothing; rotate-and-forget leftovers are a leak risk.', fix: 'Delete it (and revoke the credential) if nothing needs it.' },
  examples: {
    fail: yamlDocs(obj('v1', 'Secret', 'old-token', { type: 'Opaque' }), deployment('web')),
    pass: yamlDocs(obj('v1', 'Secret', 'regcred', { type: 'kubernetes.io/dockerconfigjson' }), obj('v1', 'ServiceAccount', 'web', { imagePullSecrets: [{ name: 'regcred' }] }), deployment('web', { serviceAccountName: 'web' })),
  },
}, 'Secret', (i) => ['kubernetes.io/service-account-token', 'helm.sh/release.v1', 'bootstrap.kubernetes.io/token'].includes(String(i.obj.type)) || /^sh\.helm\.release\./.test(i.ci.name));

export const pvcUnused = unusedCheck({
  id: 'pvc-unused', title: 'Unused PersistentVolumeClaim', category: 'waste', severity: 'info',
  aliases: ['popeye:400'], needs: ['kind:Pod'],
  docs: { why: 'An unmounted claim keeps its volume (and its cost) forever.', fix: 'Delete the PVC once the data is not needed (check the PV reclaimPolicy first).' },
  examples: {
    fail: yamlDocs(obj('v1', 'PersistentVolumeClaim', 'old-data', { spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10Gi' } } } }), deployment('web')),
    pass: yamlDocs(obj('v1', 'PersistentVolumeClaim', 'data', { spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10Gi' } } } }), deployment('web', { volumes: [{ name: 'd', persistentVolumeClaim: { claimName: 'data' } }] })),
  },
}, 'PersistentVolumeClaim', (i, inv) =>
  // Claims from StatefulSet volumeClaimTemplates (<template>-<sts>-<ordinal>) belong to the StatefulSet.
  inv.byKind('StatefulSet').some((s) => s.ci.namespace === i.ci.namespace && (s.obj.spec?.volumeClaimTemplates ?? []).some((v: { metadata?: { name?: string } }) => new RegExp(`^${v.metadata?.name}-${s.ci.name}-\\d+$`).test(i.ci.name))),
);
