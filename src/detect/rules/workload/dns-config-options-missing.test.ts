import { describe, expect, it } from 'vitest';
import { check } from './dns-config-options-missing.js';
import { describeExamples, runCheck } from '../../testing.js';
import { deployment, yamlDocs } from '../../util/examples.js';

describeExamples(check);

describe('dns-config-options-missing', () => {
  it('is info advice with a patch adding ndots:2', () => {
    const [f] = runCheck(check, check.meta.examples.fail);
    expect(f.severity).toBe('info');
    expect(f.patch?.content).toContain('"dnsConfig":{"options":[{"name":"ndots","value":"2"}]}');
  });
  it('leaves out pods that do not use the cluster search path', () => {
    expect(runCheck(check, yamlDocs(deployment('a', { dnsPolicy: 'Default' })))).toEqual([]);
    expect(runCheck(check, yamlDocs(deployment('b', { dnsPolicy: 'None', dnsConfig: { nameservers: ['1.1.1.1'] } })))).toEqual([]);
    expect(runCheck(check, yamlDocs(deployment('c', { hostNetwork: true })))).toEqual([]);
    expect(runCheck(check, yamlDocs(deployment('d', { hostNetwork: true, dnsPolicy: 'ClusterFirstWithHostNet' })))).toHaveLength(1);
  });
  it('checks a configured value and key', () => {
    const y = yamlDocs(deployment('web', { dnsConfig: { options: [{ name: 'ndots', value: '3' }] } }));
    expect(runCheck(check, y)).toEqual([]);
    expect(runCheck(check, y, { options: { value: '2' } })[0].message).toBe('dnsConfig option ndots is 3, expected 2');
    expect(runCheck(check, y, { options: { key: 'single-request-reopen' } })[0].message).toMatch(/no dnsConfig option single-request-reopen/);
  });
});
