import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check, END_OF_LIFE, endOfLife, maxKubeletLag, parseKubeVersion } from './cluster-version-old.js';
import { collectClusters, type Collected } from '../../../collect/collect.js';
import { startFakeApiServer, type FakeApiServer } from '../../../collect/kubernetes/__fixtures__/fake-apiserver.js';
import { describeExamples, inventoryFromYaml, runCheck } from '../../testing.js';
import { runChecks } from '../../engine.js';
import { obj, yamlDocs } from '../../util/examples.js';

const NOW = '2026-11-22T00:00:00Z';
describeExamples(check, { live: true, options: { now: NOW } });

const node = (name: string, kubeletVersion?: string) => obj('v1', 'Node', name, { status: { ...(kubeletVersion ? { nodeInfo: { kubeletVersion } } : {}) } }, null);

describe('cluster-version-old', () => {
  it('parses vendor version strings', () => {
    expect(parseKubeVersion('v1.29.3-eks-adc7111')).toMatchObject({ major: 1, minor: 29 });
    expect(parseKubeVersion('v1.30.5-gke.1014001')).toMatchObject({ minor: 30 });
    expect(parseKubeVersion('v1.28.9+k3s1')).toMatchObject({ minor: 28 });
    expect(parseKubeVersion('garbage')).toBeUndefined();
  });
  it('knows the table bounds', () => {
    expect(endOfLife(34)).toBe('2026-10-27');
    expect(endOfLife(12)).toBe('past');
    expect(endOfLife(99)).toBeUndefined();
    expect(Object.values(END_OF_LIFE)).toEqual([...Object.values(END_OF_LIFE)].sort()); // dates ascend with minors
  });
  it('groups nodes per minor version: one finding naming them', () => {
    const f = runCheck(check, check.meta.examples.fail, { live: true, options: { now: NOW } });
    expect(f).toHaveLength(1);
    expect(f[0].message).toBe('2 nodes run Kubernetes 1.27 (v1.27.16), which reached end of upstream support on 2024-06-28');
    expect(f[0].cis).toEqual(['test/Node/_/n1', 'test/Node/_/n2']);
  });
  it('warns for a minor that just passed its end of life, gives info shortly before, nothing well before', () => {
    const y = yamlDocs(node('n1', 'v1.34.1'));
    expect(runCheck(check, y, { live: true, options: { now: '2026-10-28T00:00:00Z' } })[0].severity).toBe('warning');
    const soon = runCheck(check, y, { live: true, options: { now: '2026-09-01T00:00:00Z' } });
    expect(soon[0]).toMatchObject({ severity: 'info', message: expect.stringMatching(/reaches end of upstream support on 2026-10-27 \(in 56 days\)/) });
    expect(runCheck(check, y, { live: true, options: { now: '2026-01-01T00:00:00Z' } })).toEqual([]);
  });
  it('treats versions older than the table as past and newer ones as supported', () => {
    expect(runCheck(check, yamlDocs(node('old', 'v1.12.0')), { live: true, options: { now: NOW } })[0].message).toMatch(/before 2021-10-28/);
    expect(runCheck(check, yamlDocs(node('new', 'v1.45.0')), { live: true, options: { now: NOW } })).toEqual([]);
  });
  it('notes nodes without a version and is skipped on manifest files', () => {
    const r = runChecks(inventoryFromYaml(yamlDocs(node('n1')), { live: true }), [check], { options: { 'cluster-version-old': { now: NOW } } });
    expect(r.outcomes[0]).toMatchObject({ status: 'ran', findings: [], notes: [expect.stringMatching(/API server version unknown/), expect.stringMatching(/1 node\(s\) without/)] });
    expect(runChecks(inventoryFromYaml(check.meta.examples.fail), [check]).outcomes[0].status).toBe('skipped');
  });
});

/** A live inventory of these nodes as collected from an API server reporting `serverVersion`. */
function liveInv(serverVersion: string | undefined, ...kubelets: string[]) {
  const inv = inventoryFromYaml(yamlDocs(...kubelets.map((v, i) => node(`n${i + 1}`, v))), { live: true });
  if (serverVersion) inv.coverage.serverVersion = serverVersion;
  return inv;
}
const run = (inv: ReturnType<typeof liveInv>) => check.run({ inv, options: { now: NOW } });

describe('cluster-version-old: control plane (API server version)', () => {
  it('reports the control plane past end of life once, with the nodes on its minor', () => {
    const f = run(liveInv('v1.31.2', 'v1.31.2', 'v1.31.1'));
    expect(f).toHaveLength(1);
    expect(f[0].cis).toEqual(['test/Cluster/_/test', 'test/Node/_/n1', 'test/Node/_/n2']);
    expect(f[0].message).toBe('The control plane (API server) runs Kubernetes 1.31 (v1.31.2), which reached end of upstream support on 2025-10-28; 2 nodes run the same minor');
    expect(f[0].evidence).toMatchObject({ component: 'control-plane', serverVersion: 'v1.31.2', nodesOnThisMinor: 2 });
  });
  it('reports the control plane even with no node readable (RBAC)', () => {
    const inv = inventoryFromYaml('', { live: true, denied: new Map([['Node', 'nodes is forbidden']]) });
    inv.coverage.serverVersion = 'v1.29.15-eks-abc';
    const r = runChecks(inv, [check], { options: { 'cluster-version-old': { now: NOW } } });
    expect(r.outcomes[0]).toMatchObject({ status: 'ran', findings: [{ message: expect.stringMatching(/^The control plane .* 1\.29 \(v1\.29\.15-eks-abc\), which reached end of upstream support on 2025-02-28$/) }] });
  });
  it('says it did not check when neither the version nor the nodes were read', () => {
    const r = runChecks(inventoryFromYaml('', { live: true, denied: new Map([['Node', 'nodes is forbidden']]) }), [check]);
    expect(r.outcomes[0]).toMatchObject({ status: 'ran', findings: [], notes: [expect.stringMatching(/^not checked: neither the API server version nor the Nodes were read \(Node: nodes is forbidden\)/)] });
  });
  it('a supported control plane with nodes on its minor passes', () => {
    expect(run(liveInv('v1.35.1', 'v1.35.1', 'v1.35.0'))).toEqual([]);
  });
  it('still reports a node pool lagging behind on an end-of-life minor', () => {
    const f = run(liveInv('v1.35.1', 'v1.35.1', 'v1.34.3'));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'warning', cis: ['test/Node/_/n2'] });
    expect(f[0].message).toBe('node n2 runs Kubernetes 1.34 (v1.34.3), which reached end of upstream support on 2026-10-27; 1 minor version behind the control plane (v1.35.1)');
    expect(f[0].evidence).toMatchObject({ component: 'node', minorsBehind: 1, skewSupported: true });
  });
  it('reports kubelets outside the version skew policy, older or newer than the API server', () => {
    expect(maxKubeletLag(28)).toBe(3);
    expect(maxKubeletLag(27)).toBe(2);
    const old = run(liveInv('v1.35.1', 'v1.31.2'));
    expect(old[0].message).toMatch(/4 minor versions behind the control plane \(v1\.35\.1\); outside the supported version skew/);
    const newer = run(liveInv('v1.36.0', 'v1.37.1'));
    expect(newer).toHaveLength(1);
    expect(newer[0]).toMatchObject({ severity: 'warning', message: expect.stringMatching(/newer than the control plane \(v1\.36\.0\); a kubelet newer than the API server is not supported/) });
    expect(newer[0].fix).toMatch(/Upgrade the control plane first/);
    // Within the skew and supported: nothing (1.35 nodes under a 1.37 API server, at NOW).
    expect(run(liveInv('v1.37.0', 'v1.35.4'))).toEqual([]);
  });
});

describe('cluster-version-old on a live collection (replayed API server)', () => {
  let srv: FakeApiServer;
  let newer: FakeApiServer;
  let c: Collected;
  let cNewer: Collected;
  beforeAll(async () => {
    [srv, newer] = await Promise.all([
      startFakeApiServer(),
      startFakeApiServer([{ path: '/version', status: 200, body: { major: '1', minor: '35', gitVersion: 'v1.35.2', platform: 'linux/amd64' } }]),
    ]);
    [[c], [cNewer]] = (await Promise.all([collectClusters({ kubeconfig: srv.kubeconfig() }), collectClusters({ kubeconfig: newer.kubeconfig() })])) as Collected[][];
  });
  afterAll(async () => {
    await Promise.all([srv?.close(), newer?.close()]);
  });
  const scan = (x: Collected) => runChecks(x.inventory, [check], { options: { 'cluster-version-old': { now: NOW } } }).outcomes[0];

  it('carries the API server version into the inventory', () => {
    expect(c.serverVersion).toBe('v1.31.2');
    expect(c.inventory.coverage.serverVersion).toBe('v1.31.2');
  });
  it('reports the control plane version, not only the kubelets', () => {
    const o = scan(c);
    expect(o).toMatchObject({ status: 'ran', findings: [{ cis: ['kind-shop/Cluster/_/kind-shop', expect.stringMatching(/\/Node\/_\//)] }] });
    expect(o.status === 'ran' && o.findings[0].message).toMatch(/^The control plane \(API server\) runs Kubernetes 1\.31 \(v1\.31\.2\), which reached end of upstream support on 2025-10-28; node \S+ runs the same minor$/);
    expect(o.status === 'ran' && o.findings[0].location?.url).toBe(srv.url);
  });
  it('reports the nodes lagging behind a newer control plane', () => {
    const o = scan(cNewer);
    expect(o.status).toBe('ran');
    const f = o.status === 'ran' ? o.findings : [];
    expect(f).toHaveLength(1);
    expect(f[0].message).toMatch(/runs Kubernetes 1\.31 \(v1\.31\.2\), which reached end of upstream support on 2025-10-28; 4 minor versions behind the control plane \(v1\.35\.2\); outside the supported version skew/);
  });
});
