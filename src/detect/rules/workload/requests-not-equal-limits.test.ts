import { describe, expect, it } from 'vitest';
import { check } from './requests-not-equal-limits.js';
import { describeExamples, runCheck } from '../../testing.js';
import { deployment, goodContainer, obj, yamlDocs } from '../../util/examples.js';

describeExamples(check);

describe('requests-not-equal-limits', () => {
  it('names the differing resources and patches requests up to the limits', () => {
    const [f, ...rest] = runCheck(check, check.meta.examples.fail);
    expect(rest).toEqual([]);
    expect(f.severity).toBe('info');
    expect(f.message).toMatch(/cpu request 100m ≠ limit 500m/);
    expect(f.message).not.toMatch(/memory/);
    expect(f.patch?.content).toContain('"requests":{"cpu":"500m"}');
  });
  it('leaves missing requests/limits to the *-missing checks', () => {
    const y = yamlDocs(deployment('web', {}, { containers: [goodContainer({ resources: { requests: { cpu: '100m', memory: '64Mi' } } })] }));
    expect(runCheck(check, y)).toEqual([]);
  });
  it('treats a limit-only container as equal (the API server copies the limit into the request)', () => {
    const y = yamlDocs(deployment('web', {}, { containers: [goodContainer({ resources: { limits: { cpu: '1', memory: '1Gi' } } })] }));
    expect(runCheck(check, y)).toEqual([]);
  });
  it('compares equal quantities written differently as equal', () => {
    const y = yamlDocs(deployment('web', {}, { containers: [goodContainer({ resources: { requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '1000m', memory: '1024Mi' } } })] }));
    expect(runCheck(check, y)).toEqual([]);
  });
  it('counts LimitRange defaults', () => {
    const lr = obj('v1', 'LimitRange', 'defaults', { spec: { limits: [{ type: 'Container', default: { memory: '512Mi' } }] } });
    const y = yamlDocs(lr, deployment('web', {}, { containers: [goodContainer({ resources: { requests: { cpu: '1', memory: '256Mi' }, limits: { cpu: '1' } } })] }));
    const f = runCheck(check, y);
    expect(f).toHaveLength(1);
    expect(f[0].message).toMatch(/memory request 256Mi ≠ limit 512Mi/);
  });
});
