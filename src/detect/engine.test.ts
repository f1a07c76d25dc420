import { describe, expect, it } from 'vitest';
import { runChecks } from './engine.js';
import type { Check } from './check.js';
import { inventoryFromYaml } from './testing.js';
import { deployment, goodContainer, obj, yamlDocs } from './util/examples.js';
import { check as latest } from './rules/workload/image-tag-latest.js';
import { check as netpol } from './rules/relations/networkpolicy-blocks-service.js';

const latestDeploy = (name: string, ns = 'shop', ann?: Record<string, string>) => deployment(name, {}, { ns, meta: ann ? { annotations: ann } : {}, containers: [goodContainer({ image: 'nginx:latest' })] });

describe('engine', () => {
  it('skips a check whose needs are missing, with the reason', () => {
    const r = runChecks(inventoryFromYaml(yamlDocs(deployment('web'))), [netpol]);
    expect(r.outcomes[0]).toMatchObject({ id: 'networkpolicy-blocks-service', status: 'skipped', reason: 'incomplete input: no NetworkPolicy in the input' });
  });
  it('turns a throwing check into an error outcome and runs the others', () => {
    const bad: Check = { meta: { ...latest.meta, id: 'boom' }, run: () => { throw new Error('kaboom'); } };
    const r = runChecks(inventoryFromYaml(yamlDocs(latestDeploy('web'))), [bad, latest]);
    expect(r.outcomes[0]).toMatchObject({ id: 'boom', status: 'error', error: 'kaboom' });
    expect(r.outcomes[1]).toMatchObject({ id: 'image-tag-latest', status: 'ran' });
    expect(r.findings).toHaveLength(1);
  });
  it('honours the ignore annotation on object and namespace, unless forbidden', () => {
    const y = yamlDocs(
      latestDeploy('a', 'shop', { 'hypercas.io/ignore': 'image-tag-latest' }), latestDeploy('b', 'shop'),
      obj('v1', 'Namespace', 'quiet', { metadata: { name: 'quiet', annotations: { 'hypercas.io/ignore': 'polaris:tagNotSpecified, other' } } }, null), latestDeploy('c', 'quiet'),
    );
    const inv = inventoryFromYaml(y);
    const r = runChecks(inv, [latest]);
    expect(r.findings.map((f) => f.cis[0].split('/').pop())).toEqual(['b']);
    expect(r.suppressed).toHaveLength(2);
    expect(r.outcomes[0]).toMatchObject({ suppressed: 2 });
    expect(runChecks(inv, [latest], { annotationExemptions: false }).findings).toHaveLength(3);
  });
  it('applies config exemptions by check, namespace and name glob, and severity overrides', () => {
    const inv = inventoryFromYaml(yamlDocs(latestDeploy('calico-node', 'kube-system'), latestDeploy('web', 'kube-system'), latestDeploy('web', 'shop')));
    const r = runChecks(inv, [latest], { exemptions: [{ checks: ['image-tag-latest'], namespaces: ['kube-*'], names: ['calico-*'] }], severity: { 'image-tag-latest': 'critical' } });
    expect(r.findings.map((f) => f.cis[0])).toEqual(['test/Deployment/kube-system/web', 'test/Deployment/shop/web']);
    expect(r.findings.every((f) => f.severity === 'critical')).toBe(true);
    expect(r.suppressed[0].by).toMatch(/config exemption/);
  });
  it('scores namespaces: 100 − 10·critical − 2·warning per (check, object)', () => {
    const inv = inventoryFromYaml(yamlDocs(latestDeploy('a'), latestDeploy('b'), deployment('ok', {}, { ns: 'clean' })));
    const r = runChecks(inv, [latest]);
    expect(r.summary.namespaces).toEqual([
      { namespace: 'clean', score: 100, critical: 0, warning: 0, info: 0 },
      { namespace: 'shop', score: 96, critical: 0, warning: 2, info: 0 },
    ]);
    expect(r.summary.checks).toEqual({ ran: 1, skipped: 0, error: 0 });
  });
});
