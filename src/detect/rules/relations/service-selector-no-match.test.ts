import { check } from './service-selector-no-match.js';
import { describeExamples } from '../../testing.js';

describeExamples(check);

import { describe, expect, it } from 'vitest';
import { runCheck } from '../../testing.js';
import { deployment, service, yamlDocs } from '../../util/examples.js';
import { runChecks } from '../../engine.js';
import { inventoryFromYaml } from '../../testing.js';

describe('service-selector-no-match', () => {
  it('names the closest workload and patches the selector to it', () => {
    const [f] = runCheck(check, yamlDocs(deployment('nginx'), deployment('api'), deployment('postgres'), service('api', { app: 'api-server' })));
    expect(f.message).toMatch(/\(Deployment api has app=api\)$/);
    expect(f.patch?.content).toBe(`kubectl -n shop patch service api --type merge -p '{"spec":{"selector":{"app":"api"}}}'`);
  });
  it('reports incomplete input, not a critical, for a namespace without workloads in the input', () => {
    const r = runChecks(inventoryFromYaml(yamlDocs(deployment('web'), service('api', { app: 'api' }, undefined, 'other'))), [check]);
    expect(r.findings).toEqual([]);
    expect(r.outcomes[0]).toMatchObject({ status: 'ran', notes: [expect.stringMatching(/incomplete input: namespace other/)] });
  });
  it('matches pod templates inside custom resources (Argo Rollout)', () => {
    const ro = { apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', metadata: { name: 'web', namespace: 'shop' }, spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'w', image: 'w:1' }] } } } };
    expect(runCheck(check, yamlDocs(ro, service('web', { app: 'web' })))).toEqual([]);
  });
});

describe('service-selector-no-match with operators', () => {
  it('is a warning, not a critical, when a custom resource in the namespace may own the pods', () => {
    const prom = { apiVersion: 'monitoring.coreos.com/v1', kind: 'Prometheus', metadata: { name: 'k8s', namespace: 'shop' }, spec: { replicas: 2 } };
    const [f] = runCheck(check, yamlDocs(deployment('web'), prom, service('prometheus', { prometheus: 'k8s' })));
    expect(f.severity).toBe('warning');
    expect(f.message).toMatch(/operator from Prometheus\.monitoring\.coreos\.com k8s/);
  });
});
