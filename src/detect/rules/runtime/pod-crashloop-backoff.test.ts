import { describe, expect, it } from 'vitest';
import { check as crashLoop } from './pod-crashloop-backoff.js';
import { describeExamples, runCheck } from '../../testing.js';
import { yamlDocs } from '../../util/examples.js';
import { podYaml } from './shared.js';
import { runChecks } from '../../engine.js';
import { inventoryFromYaml } from '../../testing.js';

describeExamples(crashLoop, { live: true });

describe('runtime pod checks', () => {
  it('groups pods of one workload into one finding', () => {
    const s = { phase: 'Running', containerStatuses: [{ name: 'app', restartCount: 9, state: { waiting: { reason: 'CrashLoopBackOff' } } }] };
    const rs = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web-5d8f', namespace: 'shop', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', controller: true }] }, spec: {} };
    const dep = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'shop' }, spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'x:1' }] } } } };
    const f = runCheck(crashLoop, yamlDocs(dep, rs, podYaml('web-1', s), podYaml('web-2', s)), { live: true });
    expect(f).toHaveLength(1);
    expect(f[0].cis[0]).toMatch(/Deployment\/shop\/web$/);
    expect(f[0].evidence.podCount).toBe(2);
  });
  it('is skipped when scanning files', () => {
    const r = runChecks(inventoryFromYaml(crashLoop.meta.examples.fail), [crashLoop]);
    expect(r.outcomes[0]).toMatchObject({ status: 'skipped', reason: expect.stringMatching(/live/) });
  });
});
