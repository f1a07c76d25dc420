import { describe, expect, it } from 'vitest';
import { check } from './pdb-missing.js';
import { describeExamples, runCheck } from '../../testing.js';
import { deployment, obj, yamlDocs } from '../../util/examples.js';

describeExamples(check);

describe('pdb-missing', () => {
  it('does not demand a PDB when replicas is unset or 1 (kube-score#536)', () => {
    expect(runCheck(check, yamlDocs(deployment('a'), deployment('b', {}, { replicas: 1 })))).toEqual([]);
  });
  it('counts HPA minReplicas as the replica floor', () => {
    const h = obj('autoscaling/v2', 'HorizontalPodAutoscaler', 'a', { spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'a' }, minReplicas: 3, maxReplicas: 6 } });
    expect(runCheck(check, yamlDocs(deployment('a'), h))).toHaveLength(1);
  });
});
