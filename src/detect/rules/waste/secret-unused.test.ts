import { describe, expect, it } from 'vitest';
import { check as secretUnused } from './secret-unused.js';
import { describeExamples, runCheck } from '../../testing.js';
import { deployment, obj, yamlDocs } from '../../util/examples.js';

describeExamples(secretUnused);

describe('unused', () => {
  it('a Secret named by an Ingress TLS block or a custom resource is used', () => {
    const y = yamlDocs(obj('v1', 'Secret', 'tls', { type: 'kubernetes.io/tls' }), obj('v1', 'Secret', 'cr', { type: 'Opaque' }), deployment('web'),
      obj('networking.k8s.io/v1', 'Ingress', 'web', { spec: { tls: [{ secretName: 'tls' }], rules: [] } }),
      obj('example.com/v1', 'Backup', 'b', { spec: { credentials: { secretName: 'cr' } } }));
    expect(runCheck(secretUnused, y)).toEqual([]);
  });
});
