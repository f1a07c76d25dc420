import { describe, it, expect } from 'vitest';
import { fileURLToPath } from 'node:url';
import { loadManifests } from '../collect/files/load-manifests.js';
import { buildInventory } from './build-inventory.js';
import type { KubeObject } from '../model/kube.js';

const fx = fileURLToPath(new URL('./__fixtures__/relations.yaml', import.meta.url));
const inv = buildInventory(loadManifests([fx]).objects, { cluster: 'c1', live: false });
const has = (from: string, type: string, to: string) => inv.relations.find((r) => r.from === `c1/${from}` && r.type === type && r.to === `c1/${to}`);

describe('buildInventory relations (manifests)', () => {
  it('ids are cluster/kind/namespace/name, CRDs keep their group, cluster-scoped use _', () => {
    expect(inv.get('c1/Deployment/shop/web')).toBeDefined();
    expect(inv.get('c1/Rollout.argoproj.io/shop/api')).toBeDefined();
    expect(inv.get('c1/PersistentVolume/_/pv-1')).toBeDefined();
  });

  it('resolves Service selectors against workload templates, including custom resources', () => {
    expect(has('Service/shop/web', 'selects', 'Deployment/shop/web')).toBeTruthy();
    expect(has('Service/shop/api', 'selects', 'Rollout.argoproj.io/shop/api')).toBeTruthy();
    expect(has('Service/shop/web', 'selects', 'Rollout.argoproj.io/shop/api')).toBeFalsy();
  });

  it('links pod templates to what they reference, marking missing targets dangling', () => {
    expect(has('Deployment/shop/web', 'mounts', 'ConfigMap/shop/web-conf')?.dangling).toBeUndefined();
    expect(has('Deployment/shop/web', 'mounts', 'Secret/shop/tls')?.evidence).toMatchObject({ projected: true });
    expect(has('Deployment/shop/web', 'mounts', 'ConfigMap/shop/extra')?.dangling).toBe(true);
    expect(has('Deployment/shop/web', 'mounts', 'PersistentVolumeClaim/shop/web-data')).toBeTruthy();
    expect(has('Deployment/shop/web', 'uses', 'ConfigMap/shop/web-env')).toBeTruthy();
    expect(has('Deployment/shop/web', 'uses', 'Secret/shop/db')?.evidence).toMatchObject({ env: 'DB_PASSWORD', key: 'password' });
    expect(has('Deployment/shop/web', 'uses', 'Secret/shop/regcred')?.evidence).toMatchObject({ field: 'imagePullSecrets' });
    expect(has('Deployment/shop/web', 'uses', 'ServiceAccount/shop/web-sa')).toBeTruthy();
  });

  it('Ingress → Service with the backend port, HPA → target, PDB → pods, PVC → PV → StorageClass, quota → namespace', () => {
    expect(has('Ingress/shop/front', 'routes-to', 'Service/shop/web')?.evidence).toMatchObject({ port: 80, path: 'shop.example.com/' });
    expect(has('Ingress/shop/front', 'routes-to', 'Service/shop/missing-svc')?.dangling).toBe(true);
    expect(has('HorizontalPodAutoscaler/shop/web', 'scales', 'Deployment/shop/web')).toBeTruthy();
    expect(has('PodDisruptionBudget/shop/web', 'protects', 'Deployment/shop/web')).toBeTruthy();
    expect(has('PersistentVolumeClaim/shop/web-data', 'claims', 'PersistentVolume/_/pv-1')).toBeTruthy();
    expect(has('PersistentVolume/_/pv-1', 'provisioned-by', 'StorageClass/_/fast')).toBeTruthy();
    expect(has('ResourceQuota/shop/q', 'limits', 'Namespace/_/shop')).toBeTruthy();
  });

  it('NetworkPolicy → pods it selects and the peers it admits, across namespaces', () => {
    expect(has('NetworkPolicy/shop/web-from-monitoring', 'selects', 'Deployment/shop/web')).toBeTruthy();
    expect(has('NetworkPolicy/shop/web-from-monitoring', 'allows', 'Deployment/monitoring/prom')?.evidence).toMatchObject({ direction: 'ingress', ports: ['TCP/8080'] });
    expect(has('NetworkPolicy/shop/web-from-monitoring', 'allows', 'Rollout.argoproj.io/shop/api')).toBeTruthy();
    expect(has('NetworkPolicy/shop/web-from-monitoring', 'allows', 'Deployment/shop/web')).toBeFalsy();
  });

  it('coverage says what the input contained', () => {
    expect(inv.coverage.live).toBe(false);
    expect(inv.coverage.kinds.has('Service')).toBe(true);
    expect(inv.coverage.kinds.has('Node')).toBe(false);
    expect([...inv.coverage.namespaces].sort()).toEqual(['monitoring', 'shop']);
  });
});

describe('buildInventory (live shapes)', () => {
  const pod = (name: string, labels: Record<string, string>, owner?: { kind: string; name: string; uid: string }): KubeObject => ({
    apiVersion: 'v1', kind: 'Pod',
    metadata: { name, namespace: 'ns', uid: `uid-${name}`, labels, ownerReferences: owner ? [{ apiVersion: 'apps/v1', kind: owner.kind, name: owner.name, uid: owner.uid, controller: true }] : undefined },
    spec: { nodeName: 'node-1', containers: [{ name: 'c', image: 'i' }] },
  });
  const objs: KubeObject[] = [
    { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd', namespace: 'ns', uid: 'uid-d' }, spec: { selector: { matchLabels: { app: 'a' } }, template: { metadata: { labels: { app: 'a' } }, spec: { containers: [{ name: 'c', image: 'i' }] } } } },
    { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'd-1', namespace: 'ns', uid: 'uid-rs', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'd', uid: 'uid-d', controller: true }] }, spec: { template: { metadata: { labels: { app: 'a' } }, spec: { containers: [{ name: 'c', image: 'i' }] } } } },
    pod('d-1-x', { app: 'a' }, { kind: 'ReplicaSet', name: 'd-1', uid: 'uid-rs' }),
    { apiVersion: 'v1', kind: 'Node', metadata: { name: 'node-1' } },
    { apiVersion: 'v1', kind: 'Service', metadata: { name: 's', namespace: 'ns' }, spec: { selector: { app: 'a' } } },
    { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 's-abc', namespace: 'ns', labels: { 'kubernetes.io/service-name': 's' } }, endpoints: [{ addresses: ['10.0.0.1'], targetRef: { kind: 'Pod', name: 'd-1-x', namespace: 'ns' } }] } as KubeObject,
  ];
  const live = buildInventory(objs.map((obj) => ({ obj })), { cluster: 'prod', live: true, kinds: ['Pod', 'Secret'] });
  const rel = (from: string, type: string, to: string) => live.relations.find((r) => r.from === `prod/${from}` && r.type === type && r.to === `prod/${to}`);

  it('ownerReferences chain Deployment → ReplicaSet → Pod, Pod → Node', () => {
    expect(rel('Deployment/ns/d', 'owns', 'ReplicaSet/ns/d-1')).toBeTruthy();
    expect(rel('ReplicaSet/ns/d-1', 'owns', 'Pod/ns/d-1-x')).toBeTruthy();
    expect(rel('Pod/ns/d-1-x', 'runs-on', 'Node/_/node-1')).toBeTruthy();
  });

  it('Service selects both pods and templates live; a Deployment-owned ReplicaSet does not repeat the template', () => {
    expect(rel('Service/ns/s', 'selects', 'Pod/ns/d-1-x')).toBeTruthy();
    expect(rel('Service/ns/s', 'selects', 'Deployment/ns/d')).toBeTruthy();
    expect(rel('Service/ns/s', 'selects', 'ReplicaSet/ns/d-1')).toBeFalsy();
    expect(rel('Service/ns/s', 'owns', 'EndpointSlice/ns/s-abc')).toBeTruthy();
    expect(rel('EndpointSlice/ns/s-abc', 'endpoints', 'Pod/ns/d-1-x')).toBeTruthy();
  });

  it('records listed kinds even when none were found', () => {
    expect(live.coverage.kinds.has('Secret')).toBe(true);
  });
});

describe('references name kinds the way the objects themselves are named', () => {
  it('a scaleTargetRef or ownerReference into any built-in group resolves to the object, a CRD keeps its group', () => {
    const objs: KubeObject[] = [
      { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name: 'r', namespace: 'ns', uid: 'u-r' } },
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm', namespace: 'ns', ownerReferences: [{ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', name: 'r' }] } },
      { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'h', namespace: 'ns' }, spec: { scaleTargetRef: { apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', name: 'ro' } } },
    ];
    const inv = buildInventory(objs.map((obj) => ({ obj })), { cluster: 'c', live: false });
    const owns = inv.relations.find((r) => r.type === 'owns')!;
    expect(owns.from).toBe('c/Role/ns/r');
    expect(owns.dangling).toBeUndefined();
    expect(inv.relations.find((r) => r.type === 'scales')?.to).toBe('c/Rollout.argoproj.io/ns/ro');
  });
});
