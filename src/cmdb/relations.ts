// Declared relations, read from the objects themselves. Each relation says which keys define it
// (evidence), and is marked dangling when its target is not in the inventory.
import type { CiId } from '../model/ci.js';
import { ciId } from '../model/ci.js';
import { ciKind } from '../model/kube.js';
import type { Relation, RelationType } from '../model/relation.js';
import type { Inventory, InventoryItem, PodTemplateRef } from './inventory.js';
import { toSelector, isEmptySelector, matches } from './selectors.js';

type Rec = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- API objects read defensively

export function buildRelations(inv: Inventory, byUid: Map<string, InventoryItem>): Relation[] {
  const out: Relation[] = [];
  const seen = new Set<string>();
  const add = (from: CiId, to: CiId, type: RelationType, evidence?: Record<string, unknown>) => {
    const key = `${from}|${type}|${to}`;
    if (seen.has(key)) return;
    seen.add(key);
    const r: Relation = { from, to, type, source: 'declared' };
    if (evidence) r.evidence = evidence;
    if (!inv.get(to)) r.dangling = true;
    out.push(r);
  };
  const id = (kind: string, ns: string, name: string) => ciId(inv.cluster, kind, ns, name);
  // Targets of selectors are the template owners (files) or the pods (live): one CI per template.
  const targets = (refs: PodTemplateRef[]) => [...new Set(refs.map((t) => t.owner.ci.id))];

  for (const it of inv.items) {
    const o = it.obj as Rec;
    const ns = it.ci.namespace;
    const me = it.ci.id;

    for (const ref of o.metadata?.ownerReferences ?? []) {
      const owner = ref.uid ? byUid.get(ref.uid) : undefined;
      const ownerId = owner?.ci.id ?? id(ciKind(ref.apiVersion ?? 'v1', ref.kind), ns, ref.name);
      add(ownerId, me, 'owns', { controller: ref.controller === true });
    }

    switch (o.kind) {
      case 'Service': {
        const sel = o.spec?.selector;
        if (sel && Object.keys(sel).length > 0) {
          for (const t of targets(inv.selectPods(ns, sel))) add(me, t, 'selects', { selector: sel });
        }
        break;
      }
      case 'Endpoints':
        add(id('Service', ns, it.ci.name), me, 'owns', { by: 'name' });
        for (const subset of o.subsets ?? []) {
          for (const a of [...(subset.addresses ?? []), ...(subset.notReadyAddresses ?? [])]) {
            if (a.targetRef?.kind === 'Pod' && a.targetRef.name) add(me, id('Pod', a.targetRef.namespace ?? ns, a.targetRef.name), 'endpoints', { ip: a.ip });
          }
        }
        break;
      case 'EndpointSlice': {
        const svc = o.metadata?.labels?.['kubernetes.io/service-name'];
        if (svc) add(id('Service', ns, svc), me, 'owns', { by: 'label kubernetes.io/service-name' });
        for (const e of o.endpoints ?? []) {
          if (e.targetRef?.kind === 'Pod' && e.targetRef.name) add(me, id('Pod', e.targetRef.namespace ?? ns, e.targetRef.name), 'endpoints', { addresses: e.addresses, ready: e.conditions?.ready });
        }
        break;
      }
      case 'PersistentVolumeClaim':
        if (o.spec?.volumeName) add(me, id('PersistentVolume', '', o.spec.volumeName), 'claims', { volumeName: o.spec.volumeName });
        if (o.spec?.storageClassName) add(me, id('StorageClass', '', o.spec.storageClassName), 'provisioned-by', { storageClassName: o.spec.storageClassName });
        break;
      case 'PersistentVolume':
        if (o.spec?.claimRef?.name) add(id('PersistentVolumeClaim', o.spec.claimRef.namespace ?? 'default', o.spec.claimRef.name), me, 'claims', { claimRef: o.spec.claimRef.name });
        if (o.spec?.storageClassName) add(me, id('StorageClass', '', o.spec.storageClassName), 'provisioned-by', { storageClassName: o.spec.storageClassName });
        break;
      case 'Ingress':
        ingressBackends(o).forEach(({ service, port, path }) => add(me, id('Service', ns, service), 'routes-to', { port, path }));
        for (const tls of o.spec?.tls ?? []) if (tls.secretName) add(me, id('Secret', ns, tls.secretName), 'uses', { field: 'spec.tls.secretName' });
        break;
      case 'HorizontalPodAutoscaler': {
        const t = o.spec?.scaleTargetRef;
        if (t?.kind && t.name) add(me, id(ciKind(t.apiVersion ?? 'apps/v1', t.kind), ns, t.name), 'scales', { minReplicas: o.spec?.minReplicas, maxReplicas: o.spec?.maxReplicas });
        break;
      }
      case 'PodDisruptionBudget': {
        const sel = o.spec?.selector;
        if (sel) for (const t of targets(inv.selectPods(ns, sel))) add(me, t, 'protects', { selector: sel });
        break;
      }
      case 'NetworkPolicy':
        networkPolicyRelations(inv, it, add);
        break;
      case 'ResourceQuota':
      case 'LimitRange':
        add(me, id('Namespace', '', ns), 'limits', { kind: o.kind });
        break;
      case 'RoleBinding':
      case 'ClusterRoleBinding': {
        const r = o.roleRef;
        if (r?.kind && r.name) add(me, id(r.kind, r.kind === 'ClusterRole' ? '' : ns, r.name), 'binds', { roleRef: `${r.kind}/${r.name}` });
        for (const s of o.subjects ?? []) if (s.kind === 'ServiceAccount' && s.name) add(me, id('ServiceAccount', s.namespace ?? ns, s.name), 'binds', { subject: s.name });
        break;
      }
      case 'StatefulSet':
        if (o.spec?.serviceName) add(me, id('Service', ns, o.spec.serviceName), 'uses', { field: 'spec.serviceName' });
        for (const vct of o.spec?.volumeClaimTemplates ?? []) {
          if (vct.spec?.storageClassName) add(me, id('StorageClass', '', vct.spec.storageClassName), 'provisioned-by', { volumeClaimTemplate: vct.metadata?.name });
        }
        break;
    }
  }

  for (const t of inv.podTemplates) podSpecRelations(t, id, add);
  return out;
}

export function ingressBackends(o: Rec): Array<{ service: string; port: string | number | undefined; path?: string }> {
  const out: Array<{ service: string; port: string | number | undefined; path?: string }> = [];
  const backend = (b: Rec | undefined, path?: string) => {
    if (!b) return;
    if (b.service?.name) out.push({ service: b.service.name, port: b.service.port?.number ?? b.service.port?.name, path });
    else if (b.serviceName) out.push({ service: b.serviceName, port: b.servicePort, path }); // extensions/v1beta1
  };
  backend(o.spec?.defaultBackend ?? o.spec?.backend, '(default)');
  for (const rule of o.spec?.rules ?? []) for (const p of rule.http?.paths ?? []) backend(p.backend, `${rule.host ?? '*'}${p.path ?? '/'}`);
  return out;
}

function podSpecRelations(t: PodTemplateRef, id: (k: string, ns: string, n: string) => CiId, add: (f: CiId, to: CiId, type: RelationType, ev?: Record<string, unknown>) => void): void {
  const me = t.owner.ci.id;
  const ns = t.owner.ci.namespace;
  const s = t.spec as Rec;
  if (t.isPod && s.nodeName) add(me, id('Node', '', s.nodeName), 'runs-on', { nodeName: s.nodeName });
  const sa = s.serviceAccountName ?? s.serviceAccount;
  if (sa) add(me, id('ServiceAccount', ns, sa), 'uses', { field: 'serviceAccountName' });
  for (const ps of s.imagePullSecrets ?? []) if (ps?.name) add(me, id('Secret', ns, ps.name), 'uses', { field: 'imagePullSecrets' });
  for (const v of s.volumes ?? []) {
    if (v.configMap?.name) add(me, id('ConfigMap', ns, v.configMap.name), 'mounts', { volume: v.name, optional: v.configMap.optional === true });
    if (v.secret?.secretName) add(me, id('Secret', ns, v.secret.secretName), 'mounts', { volume: v.name, optional: v.secret.optional === true });
    if (v.persistentVolumeClaim?.claimName) add(me, id('PersistentVolumeClaim', ns, v.persistentVolumeClaim.claimName), 'mounts', { volume: v.name });
    for (const src of v.projected?.sources ?? []) {
      if (src.configMap?.name) add(me, id('ConfigMap', ns, src.configMap.name), 'mounts', { volume: v.name, projected: true, optional: src.configMap.optional === true });
      if (src.secret?.name) add(me, id('Secret', ns, src.secret.name), 'mounts', { volume: v.name, projected: true, optional: src.secret.optional === true });
    }
  }
  for (const c of [...(s.initContainers ?? []), ...(s.containers ?? []), ...(s.ephemeralContainers ?? [])]) {
    for (const ef of c.envFrom ?? []) {
      if (ef.configMapRef?.name) add(me, id('ConfigMap', ns, ef.configMapRef.name), 'uses', { container: c.name, field: 'envFrom', optional: ef.configMapRef.optional === true });
      if (ef.secretRef?.name) add(me, id('Secret', ns, ef.secretRef.name), 'uses', { container: c.name, field: 'envFrom', optional: ef.secretRef.optional === true });
    }
    for (const e of c.env ?? []) {
      const cm = e.valueFrom?.configMapKeyRef;
      const sk = e.valueFrom?.secretKeyRef;
      if (cm?.name) add(me, id('ConfigMap', ns, cm.name), 'uses', { container: c.name, env: e.name, key: cm.key, optional: cm.optional === true });
      if (sk?.name) add(me, id('Secret', ns, sk.name), 'uses', { container: c.name, env: e.name, key: sk.key, optional: sk.optional === true });
    }
  }
}

function networkPolicyRelations(inv: Inventory, it: InventoryItem, add: (f: CiId, to: CiId, type: RelationType, ev?: Record<string, unknown>) => void): void {
  const o = it.obj as Rec;
  const ns = it.ci.namespace;
  const me = it.ci.id;
  const selected = inv.selectPods(ns, o.spec?.podSelector ?? {});
  for (const owner of new Set(selected.map((t) => t.owner.ci.id))) add(me, owner, 'selects', { podSelector: o.spec?.podSelector ?? {} });
  const nsLabels = (name: string): Record<string, string> => {
    const n = inv.find('Namespace', '', name);
    // The API server sets this label on every namespace; manifests may not carry it.
    return { 'kubernetes.io/metadata.name': name, ...(n?.ci.labels ?? {}) };
  };
  const peers = (rules: Rec[] | undefined, dir: 'ingress' | 'egress') => {
    for (const rule of rules ?? []) {
      const ports = (rule.ports ?? []).map((p: Rec) => `${p.protocol ?? 'TCP'}/${p.port ?? '*'}`);
      for (const peer of (dir === 'ingress' ? rule.from : rule.to) ?? []) {
        if (peer.ipBlock) continue;
        const nsSel = toSelector(peer.namespaceSelector);
        const namespaces = peer.namespaceSelector === undefined ? [ns] : [...inv.coverage.namespaces].filter((n) => isEmptySelector(nsSel) || matches(nsSel!, nsLabels(n)));
        for (const pns of namespaces) {
          for (const owner of new Set(inv.selectPods(pns, peer.podSelector ?? {}).map((t) => t.owner.ci.id))) {
            add(me, owner, 'allows', { direction: dir, ports: ports.length ? ports : ['all'] });
          }
        }
      }
    }
  };
  peers(o.spec?.ingress, 'ingress');
  peers(o.spec?.egress, 'egress');
}
