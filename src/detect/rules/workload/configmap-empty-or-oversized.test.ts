import { describe, expect, it } from 'vitest';
import { check, configMapSize, LIMIT } from './configmap-empty-or-oversized.js';
import { describeExamples, runCheck } from '../../testing.js';
import { obj, yamlDocs } from '../../util/examples.js';

describeExamples(check);

const cm = (rest: Record<string, unknown>, meta: Record<string, unknown> = {}) => yamlDocs(obj('v1', 'ConfigMap', 'c', { metadata: { name: 'c', namespace: 'shop', ...meta }, ...rest }));

describe('configmap-empty-or-oversized', () => {
  it('grades by size: critical over 1 MiB, warning near it, info when empty', () => {
    const f = runCheck(check, check.meta.examples.fail);
    expect(f.map((x) => [x.cis[0], x.severity])).toEqual([['test/ConfigMap/shop/dashboards', 'critical'], ['test/ConfigMap/shop/settings', 'info']]);
    expect(f[0].message).toMatch(/holds 1Mi, over the 1 MiB the API server accepts \(largest: all\.json \(1Mi\)\)/);
    const near = runCheck(check, cm({ data: { big: 'x'.repeat(LIMIT - 20_000) } }));
    expect(near[0]).toMatchObject({ severity: 'warning', message: expect.stringMatching(/98% of the 1 MiB limit/) });
    expect(runCheck(check, cm({}))[0].severity).toBe('info');
  });
  it('counts UTF-8 bytes and decoded binaryData', () => {
    expect(configMapSize({ data: { k: 'é' } })).toBe(3);
    expect(configMapSize({ binaryData: { b: 'AAAA' } })).toBe(4); // 1 + 3 bytes
    expect(configMapSize({ binaryData: { b: 'AA==' } })).toBe(2);
  });
  it('accepts binaryData-only ConfigMaps and leaves leader-election locks alone', () => {
    expect(runCheck(check, cm({ binaryData: { 'font.ttf': 'AAAA' } }))).toEqual([]);
    expect(runCheck(check, cm({}, { annotations: { 'control-plane.alpha.kubernetes.io/leader': '{"holderIdentity":"x"}' } }))).toEqual([]);
  });
});
