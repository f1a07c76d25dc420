import { describe, expect, it } from 'vitest';
import { configmapUnused, pvcUnused, secretUnused } from './unused.js';
import { describeExamples, runCheck } from '../../testing.js';
import { deployment, obj, yamlDocs } from '../../util/examples.js';

for (const c of [configmapUnused, secretUnused, pvcUnused]) describeExamples(c);

describe('unused', () => {
  it('a Secret named by an Ingress TLS block or a custom resource is used', () => {
    const y = yamlDocs(obj('v1', 'Secret', 'tls', { type: 'kubernetes.io/tls' }), obj('v1', 'Secret', 'cr', { type: 'Opaque' }), deployment('web'),
      obj('networking.k8s.io/v1', 'Ingress', 'web', { spec: { tls: [{ secretName: 'tls' }], rules: [] } }),
      obj('example.com/v1', 'Backup', 'b', { spec: { credentials: { secretName: 'cr' } } }));
    expect(runCheck(secretUnused, y)).toEqual([]);
  });
  it('does not judge namespaces without workloads in the input', () => {
    expect(runCheck(configmapUnused, yamlDocs(obj('v1', 'ConfigMap', 'x', {}, 'elsewhere'), deployment('web')))).toEqual([]);
  });
});
