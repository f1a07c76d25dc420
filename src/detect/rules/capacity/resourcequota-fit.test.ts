import { describe, expect, it } from 'vitest';
import { check } from './resourcequota-fit.js';
import { describeExamples, runCheck } from '../../testing.js';
import { deployment, goodContainer, obj, yamlDocs } from '../../util/examples.js';

describeExamples(check);

describe('resourcequota-fit', () => {
  it('sums replicas and names hard and needed', () => {
    const [f] = runCheck(check, check.meta.examples.fail);
    expect(f.evidence['limits.memory']).toEqual({ hard: '4Gi', needed: '5Gi' });
    expect(f.cis[0]).toMatch(/ResourceQuota\/shop\/shop-quota$/);
    expect(f.cis[1]).toMatch(/Deployment\/shop\/db$/);
  });
  it('applies LimitRange defaults to containers without resources', () => {
    const y = yamlDocs(
      obj('v1', 'ResourceQuota', 'q', { spec: { hard: { 'limits.memory': '1Gi' } } }),
      obj('v1', 'LimitRange', 'd', { spec: { limits: [{ type: 'Container', default: { memory: '512Mi' } }] } }),
      deployment('web', {}, { replicas: 3, containers: [goodContainer({ resources: {} })] }),
    );
    const [f] = runCheck(check, y);
    expect(f.evidence['limits.memory']).toEqual({ hard: '1Gi', needed: '1.5Gi' });
  });
  it('reports pods rejected for leaving a quota-limited resource unset', () => {
    const y = yamlDocs(obj('v1', 'ResourceQuota', 'q', { spec: { hard: { 'limits.cpu': '10' } } }), deployment('web', {}, { containers: [goodContainer({ resources: {} })] }));
    const f = runCheck(check, y);
    expect(f).toHaveLength(1);
    expect(f[0].message).toMatch(/leaves it unset/);
  });
});

describe('resourcequota-fit patch', () => {
  it('raises exactly the exceeded hard limits', () => {
    const [f] = runCheck(check, check.meta.examples.fail);
    expect(f.patch?.content).toBe(`kubectl -n shop patch resourcequota shop-quota --type merge -p '{"spec":{"hard":{"limits.memory":"5Gi","requests.memory":"5Gi"}}}'`);
  });
});
