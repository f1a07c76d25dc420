import { describe, expect, it } from 'vitest';
import { configmapRefMissing, imagePullSecretMissing, pvcRefMissing, secretRefMissing, serviceaccountMissing } from './ref-missing.js';
import { describeExamples, runCheck } from '../../testing.js';
import { deployment, goodContainer, obj, yamlDocs } from '../../util/examples.js';
import { runChecks } from '../../engine.js';
import { inventoryFromYaml } from '../../testing.js';

describeExamples(configmapRefMissing);
describeExamples(secretRefMissing);
describeExamples(imagePullSecretMissing);
describeExamples(pvcRefMissing);
describeExamples(serviceaccountMissing);

describe('ref-missing', () => {
  it('finds refs through envFrom, projected volumes and configMapKeyRef', () => {
    const d = deployment('web', { volumes: [{ name: 'p', projected: { sources: [{ configMap: { name: 'proj' } }] } }] }, {
      containers: [goodContainer({ envFrom: [{ configMapRef: { name: 'envs' } }], env: [{ name: 'A', valueFrom: { configMapKeyRef: { name: 'keys', key: 'a' } } }] })],
    });
    const f = runCheck(configmapRefMissing, yamlDocs(obj('v1', 'ConfigMap', 'other'), d));
    expect(f.map((x) => x.evidence.missing).sort()).toEqual(['ConfigMap/envs', 'ConfigMap/keys', 'ConfigMap/proj']);
  });
  it('is skipped (incomplete input), not passed, when no Secret is in the input', () => {
    const inv = inventoryFromYaml(yamlDocs(deployment('web', {}, { containers: [goodContainer({ env: [{ name: 'PW', valueFrom: { secretKeyRef: { name: 'db', key: 'pw' } } }] })] })));
    const r = runChecks(inv, [secretRefMissing]);
    expect(r.outcomes[0]).toMatchObject({ status: 'skipped', reason: 'incomplete input: no Secret in the input' });
  });
  it('ignores the per-namespace kube-root-ca.crt ConfigMap', () => {
    expect(runCheck(configmapRefMissing, yamlDocs(obj('v1', 'ConfigMap', 'x'), deployment('web', { volumes: [{ name: 'ca', configMap: { name: 'kube-root-ca.crt' } }] })))).toEqual([]);
  });
});
