import { describe, expect, it } from 'vitest';
import { check } from './networkpolicy-blocks-service.js';
import { describeExamples, runCheck } from '../../testing.js';
import { deployment, obj, service, yamlDocs } from '../../util/examples.js';

describeExamples(check);

const deny = obj('networking.k8s.io/v1', 'NetworkPolicy', 'default-deny', { spec: { podSelector: {}, policyTypes: ['Ingress'] } });

describe('networkpolicy-blocks-service', () => {
  it('names the near-miss policy, the client and the port', () => {
    const [f] = runCheck(check, check.meta.examples.fail);
    expect(f.cis[0]).toMatch(/NetworkPolicy\/shop\/db-ingress$/);
    expect(f.cis.some((c) => c.endsWith('Deployment/shop/api'))).toBe(true);
    expect(f.evidence.edge).toBe('api -> db:5432');
    expect(f.fix).toMatch(/Allow TCP 5432 \(pg\) in db-ingress from pods app=api/);
    expect(f.aliases).toContain('K8S-NETPOL');
  });
  it('a LoadBalancer Service needs a rule open to outside clients', () => {
    const base = [deployment('web'), service('web', { app: 'web' }, [{ port: 80, targetPort: 'http' }], 'shop', { type: 'LoadBalancer' }), deny];
    const podOnly = obj('networking.k8s.io/v1', 'NetworkPolicy', 'web', { spec: { podSelector: { matchLabels: { app: 'web' } }, ingress: [{ from: [{ podSelector: { matchLabels: { app: 'x' } } }], ports: [{ port: 8080 }] }] } });
    const open = obj('networking.k8s.io/v1', 'NetworkPolicy', 'web', { spec: { podSelector: { matchLabels: { app: 'web' } }, ingress: [{ ports: [{ port: 8080 }] }] } });
    expect(runCheck(check, yamlDocs(...base, podOnly))).toHaveLength(1);
    expect(runCheck(check, yamlDocs(...base, open))).toEqual([]);
  });
  it('pods not isolated by any policy are reachable', () => {
    expect(runCheck(check, yamlDocs(deployment('web'), service('web', { app: 'web' }), obj('networking.k8s.io/v1', 'NetworkPolicy', 'other', { spec: { podSelector: { matchLabels: { app: 'other' } } } })))).toEqual([]);
  });
});

describe('networkpolicy-blocks-service patch', () => {
  it('adds the missing port to the near-miss rule', () => {
    const [f] = runCheck(check, check.meta.examples.fail);
    expect(f.patch?.content).toBe(`kubectl -n shop patch networkpolicy db-ingress --type json -p '[{"op":"add","path":"/spec/ingress/0/ports/-","value":{"protocol":"TCP","port":5432}}]'`);
  });
});
