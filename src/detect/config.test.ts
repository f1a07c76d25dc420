import { describe, expect, it } from 'vitest';
import { parseScanConfig } from './config.js';

describe('scan config', () => {
  it('accepts a config under scan: and resolves rule dirs', () => {
    const r = parseScanConfig('scan:\n  failOn: warning\n  rulesDirs: [rules]\n  severity: { image-tag-latest: info }\n  exemptions:\n    - { checks: [host-network], namespaces: [kube-system], names: ["calico-*"], reason: node agents }\n', '/etc/hc/hypercas.yaml');
    expect(r.problems).toEqual([]);
    expect(r.loaded!.rulesDirs).toEqual(['/etc/hc/rules']);
    expect(r.loaded!.engine.severity).toEqual({ 'image-tag-latest': 'info' });
  });
  it('reports schema errors with their line', () => {
    const r = parseScanConfig('failOn: warning\nseverity:\n  image-tag-latest: fatal\nexemptons: []\n', 'c.yaml');
    expect(r.problems.map((p) => p.line).sort()).toEqual([3, 4]);
  });
});
