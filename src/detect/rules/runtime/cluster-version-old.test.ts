import { describe, expect, it } from 'vitest';
import { check, END_OF_LIFE, endOfLife, parseKubeVersion } from './cluster-version-old.js';
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
    expect(r.outcomes[0]).toMatchObject({ status: 'ran', findings: [], notes: [expect.stringMatching(/1 node\(s\) without/)] });
    expect(runChecks(inventoryFromYaml(check.meta.examples.fail), [check]).outcomes[0].status).toBe('skipped');
  });
});
