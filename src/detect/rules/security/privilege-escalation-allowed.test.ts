import { describe, expect, it } from 'vitest';
import { check } from './privilege-escalation-allowed.js';
import { describeExamples, runCheck } from '../../testing.js';
import { obj, yamlDocs } from '../../util/examples.js';

describeExamples(check);

describe('privilege-escalation-allowed patch', () => {
  it('is a strategic merge on the container by name', () => {
    const [f] = runCheck(check, check.meta.examples.fail);
    expect(f.patch?.content).toBe(`kubectl -n shop patch deployment web --type strategic -p '{"spec":{"template":{"spec":{"containers":[{"name":"app","securityContext":{"allowPrivilegeEscalation":false}}]}}}}'`);
  });
  it('has no patch for custom resources (no strategic merge) but still finds them', () => {
    const ro = obj('argoproj.io/v1alpha1', 'Rollout', 'web', { spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'x:1' }] } } } });
    const [f] = runCheck(check, yamlDocs(ro));
    expect(f.cis[0]).toMatch(/Rollout\.argoproj\.io\/shop\/web$/);
    expect(f.patch).toBeUndefined();
  });
});
