// Pod templates inside custom resources are found generically and checked like any workload.
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../engine.js';
import { builtinChecks } from '../../registry.js';
import { inventoryFromYaml } from '../../testing.js';
import { yamlDocs } from '../../util/examples.js';
import { check as pullPolicy } from './image-pull-policy-not-always.js';

const knative = { apiVersion: 'serving.knative.dev/v1', kind: 'Service', metadata: { name: 'hello', namespace: 'shop' }, spec: { template: { spec: { containers: [{ image: 'ghcr.io/knative/helloworld-go:latest', securityContext: { privileged: true } }] } } } };
const rollout = { apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', metadata: { name: 'web', namespace: 'shop' }, spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'shop/web:1.0', ports: [{ name: 'http', containerPort: 8080 }] }] } } } };
const svc = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'shop' }, spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 'http' }] } };

describe('custom-resource pod templates', () => {
  const r = runChecks(inventoryFromYaml(yamlDocs(knative, rollout, svc)), builtinChecks);
  const ids = (ci: RegExp) => new Set(r.findings.filter((f) => ci.test(f.cis[0])).map((f) => f.checkId));
  it('checks a Knative Service template', () => {
    const k = ids(/Service\.serving\.knative\.dev\/shop\/hello$/);
    expect(k.has('privileged-container')).toBe(true);
    expect(k.has('image-tag-latest')).toBe(true);
  });
  it('a Service in front of an Argo Rollout is not reported as selecting nothing (kube-score#430)', () => {
    expect(r.findings.filter((f) => f.checkId === 'service-selector-no-match' || f.checkId === 'service-port-mismatch')).toEqual([]);
    expect(ids(/Rollout\.argoproj\.io\/shop\/web$/).has('pdb-missing')).toBe(true);
  });
  it('pull policy is never critical (disputed default)', () => {
    expect(pullPolicy.meta.severity).toBe('info');
  });
});
