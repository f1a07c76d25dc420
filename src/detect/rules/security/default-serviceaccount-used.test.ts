import { describe, expect, it } from 'vitest';
import { check } from './default-serviceaccount-used.js';
import { describeExamples, runCheck } from '../../testing.js';
import { deployment, obj, yamlDocs } from '../../util/examples.js';

describeExamples(check);

const binding = (subjectNs?: string) => obj('rbac.authorization.k8s.io/v1', 'RoleBinding', 'default-edit', { roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'edit' }, subjects: [{ kind: 'ServiceAccount', name: 'default', ...(subjectNs ? { namespace: subjectNs } : {}) }] });

describe('default-serviceaccount-used', () => {
  it('flags an explicit serviceAccountName: default as info', () => {
    const f = runCheck(check, yamlDocs(deployment('web', { serviceAccountName: 'default' })));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'info', message: expect.stringMatching(/serviceAccountName: default/) });
  });
  it('raises to warning when RBAC grants the default account something and the token is mounted', () => {
    const f = runCheck(check, yamlDocs(binding(), deployment('web', { automountServiceAccountToken: undefined })));
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe('warning');
    expect(f[0].message).toMatch(/default-edit grants that account permissions/);
    expect(f[0].cis).toContain('test/RoleBinding/shop/default-edit');
  });
  it('stays info when the token is not mounted, and ignores bindings for another namespace', () => {
    expect(runCheck(check, yamlDocs(binding(), deployment('web')))[0].severity).toBe('info'); // example deployments set automount false
    expect(runCheck(check, yamlDocs(binding('other'), deployment('web', { automountServiceAccountToken: undefined })))[0].severity).toBe('info');
  });
  it('accepts the deprecated serviceAccount field naming a dedicated account', () => {
    expect(runCheck(check, yamlDocs(deployment('web', { serviceAccount: 'web' })))).toEqual([]);
  });
  it('reports a live pod once, on its controller', () => {
    const rs = { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-5d8f', controller: true }] };
    const y = yamlDocs(
      obj('apps/v1', 'ReplicaSet', 'web-5d8f', { metadata: { name: 'web-5d8f', namespace: 'shop', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', controller: true }] }, spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'x:1' }] } } } }),
      deployment('web'),
      obj('v1', 'Pod', 'web-5d8f-abc', { metadata: { name: 'web-5d8f-abc', namespace: 'shop', labels: { app: 'web' }, ...rs }, spec: { serviceAccountName: 'default', containers: [{ name: 'app', image: 'x:1' }] } }),
    );
    const f = runCheck(check, y, { live: true });
    expect(f.map((x) => x.cis[0])).toEqual(['test/Deployment/shop/web']);
  });
  it('skips static mirror pods', () => {
    const y = yamlDocs(obj('v1', 'Pod', 'etcd-n1', { metadata: { name: 'etcd-n1', namespace: 'kube-system', annotations: { 'kubernetes.io/config.mirror': 'abc' } }, spec: { containers: [{ name: 'etcd', image: 'etcd:3.5' }] } }));
    expect(runCheck(check, y, { live: true })).toEqual([]);
  });
});
