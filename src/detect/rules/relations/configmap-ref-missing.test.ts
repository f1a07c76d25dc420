import { describe, expect, it } from 'vitest';
import { check as configmapRefMissing } from './configmap-ref-missing.js';
import { describeExamples, runCheck } from '../../testing.js';
import { deployment, goodContainer, obj, yamlDocs } from '../../util/examples.js';

describeExamples(configmapRefMissing);

describe('ref-missing', () => {
  it('finds refs through envFrom, projected volumes and configMapKeyRef', () => {
    const d = deployment('web', { volumes: [{ name: 'p', projected: { sources: [{ configMap: { name: 'proj' } }] } }] }, {
      containers: [goodContainer({ envFrom: [{ configMapRef: { name: 'envs' } }], env: [{ name: 'A', valueFrom: { configMapKeyRef: { name: 'keys', key: 'a' } } }] })],
    });
    const f = runCheck(configmapRefMissing, yamlDocs(obj('v1', 'ConfigMap', 'other'), d));
    expect(f.map((x) => x.evidence.missing).sort()).toEqual(['ConfigMap/envs', 'ConfigMap/keys', 'ConfigMap/proj']);
  });
  it('ignores the per-namespace kube-root-ca.crt ConfigMap', () => {
    expect(runCheck(configmapRefMissing, yamlDocs(obj('v1', 'ConfigMap', 'x'), deployment('web', { volumes: [{ name: 'ca', configMap: { name: 'kube-root-ca.crt' } }] })))).toEqual([]);
  });
});
