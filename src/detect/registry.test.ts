import { describe, expect, it } from 'vitest';
import { builtinChecks, findCheck } from './registry.js';

describe('registry', () => {
  it('has unique kebab-case ids with docs and examples', () => {
    const ids = builtinChecks.map((c) => c.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of builtinChecks) {
      expect(c.meta.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(c.meta.docs.why.length).toBeGreaterThan(20);
      expect(c.meta.docs.fix.length).toBeGreaterThan(5);
      expect(c.meta.examples.fail.length).toBeGreaterThan(0);
      expect(c.meta.examples.pass.length).toBeGreaterThan(0);
    }
    expect(builtinChecks.length).toBeGreaterThanOrEqual(75);
  });
  it('resolves the reference rule ids as aliases', () => {
    expect(findCheck(builtinChecks, 'K8S-SELECTOR')?.meta.id).toBe('service-selector-no-match');
    expect(findCheck(builtinChecks, 'K8S-QUOTA')?.meta.id).toBe('resourcequota-fit');
    expect(findCheck(builtinChecks, 'K8S-NETPOL')?.meta.id).toBe('networkpolicy-blocks-service');
    expect(findCheck(builtinChecks, 'k8s-targetport')?.meta.id).toBe('service-port-mismatch');
    expect(findCheck(builtinChecks, 'K8S-READINESS')?.meta.id).toBe('probe-port-not-exposed');
  });
});
