import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { loadStack } from '../collect/middleware/load.js';
import { SAMPLES } from '../collect/middleware/__fixtures__/samples.js';
import { loadPlaybooks } from './playbook.js';
import { diagnose, resolveTarget } from './diagnose.js';
import { allChecks } from '../cli/commands/diagnose-run.js';
import { inventoryFromYaml } from '../detect/testing.js';
import { withApplications } from '../collect/middleware/discover.js';
import { ossStack } from '../detect/rules/linkage/examples.js';
import { findCheck } from '../detect/registry.js';

const FIX = fileURLToPath(new URL('./__fixtures__/', import.meta.url));
const { playbooks, problems } = loadPlaybooks();
const checks = allChecks();
const index = parse(readFileSync(join(SAMPLES, 'index.yaml'), 'utf8')) as { variants: Array<{ path: string; id: string; expected_rules: string[] }> };

describe('playbooks', () => {
  it('load cleanly and every check they name exists', () => {
    expect(problems).toEqual([]);
    expect([...playbooks.keys()].sort()).toEqual(['db-connection-errors', 'http-5xx', 'pod-not-ready']);
    for (const pb of playbooks.values()) for (const s of pb.steps) for (const c of s.checks) expect(findCheck(checks, c), `${pb.id}/${s.id}: ${c}`).toBeDefined();
  });
});

describe('diagnose http-5xx on the shared samples', () => {
  for (const v of index.variants) {
    it(`${v.id} → ${v.expected_rules.join(', ') || 'no cause'}`, () => {
      const { inv } = loadStack([join(SAMPLES, v.path), join(SAMPLES, 'cluster')]);
      const d = diagnose(inv, playbooks.get('http-5xx')!, { checks });
      if (v.expected_rules.length) {
        expect(d.conclusion.found).toBe(true);
        expect(d.conclusion.rule).toBe(v.expected_rules[0]);
        expect(d.conclusion.fix.length).toBeGreaterThan(0);
        // the chain stops at the step that found the cause; earlier steps passed
        const i = d.steps.findIndex((s) => s.status === 'fail');
        expect(i).toBe(d.steps.length - 1);
        expect(d.steps.slice(0, i).every((s) => s.status === 'pass')).toBe(true);
      } else {
        expect(d.conclusion.found).toBe(false);
        expect(d.steps.map((s) => s.status)).not.toContain('fail');
      }
    });
  }

  it('linkage findings end in a diff of the config file', () => {
    const { inv } = loadStack([join(SAMPLES, 'oss/broken/01-upstream-port-mismatch')]);
    const d = diagnose(inv, playbooks.get('http-5xx')!, { checks, target: 'Service/nginx-public' });
    expect(d.scope).toBe('Service shop-oss/nginx-public');
    expect(d.conclusion.patch?.type).toBe('diff');
    expect(d.conclusion.patch?.content).toContain('+        server api.shop-oss.svc.cluster.local:8080');
  });

  it('an alias naming several checks runs all of them (K8S-NETPOL: ingress and egress)', () => {
    const { inv } = loadStack([join(SAMPLES, 'oss/healthy'), join(SAMPLES, 'cluster')]);
    const d = diagnose(inv, playbooks.get('db-connection-errors')!, { checks });
    const ids = d.steps.flatMap((s) => s.checks.filter((c) => c.ref === 'K8S-NETPOL').map((c) => c.id));
    expect(ids).toEqual(expect.arrayContaining(['networkpolicy-blocks-service', 'networkpolicy-blocks-egress']));
  });

  it('db-connection-errors finds the pool problem', () => {
    const { inv } = loadStack([join(SAMPLES, 'oss/broken/03-pool-exceeds-max-connections')]);
    const d = diagnose(inv, playbooks.get('db-connection-errors')!, { checks });
    expect(d.conclusion.rule).toBe('AD-POOL-MAXCONN');
    expect(d.steps.map((s) => s.id)).toEqual(['linkage-was-db', 'limits']);
  });
});

describe('environment signals when the configuration is sound', () => {
  it('pod state, events, logs and the MetalLB pool lead to the Kubernetes-side fix', () => {
    const inv = withApplications(inventoryFromYaml(ossStack() + '---\n' + readFileSync(join(FIX, 'live-oss.yaml'), 'utf8'), { live: true }));
    const d = diagnose(inv, playbooks.get('http-5xx')!, { checks: checks.filter((c) => c.meta.category === 'linkage'), logs: [join(FIX, 'api.log')] });
    const step = (id: string) => d.steps.find((s) => s.id === id)!;
    expect(step('linkage-web-was').status).toBe('pass');
    expect(step('environment').status).toBe('fail');
    expect(step('environment').evidence.join('\n')).toContain('OOMKilled');
    expect(step('environment').fixes.join('\n')).toMatch(/OOMKilled: confirm with TB-MEM-LIMIT, DB-MEM-LIMIT, APP-HEAP-LIMIT/);
    expect(step('logs').evidence.join('\n')).toContain('2× SQLSTATE 57P03');
    expect(step('cluster-network').fixes.join('\n')).toContain('3 LoadBalancer Services');
    expect(d.conclusion).toMatchObject({ found: true, step: 'environment' });
  });

  it('resolves targets by Kind/name, Kind/ns/name and URL', () => {
    const { inv } = loadStack([join(SAMPLES, 'oss/healthy')]);
    expect(resolveTarget(inv, 'Deployment/shop-oss/api').label).toBe('Deployment shop-oss/api');
    expect(resolveTarget(inv, 'https://shop.example.com/cart').label).toBe('nginx shop-oss/nginx (server_name shop.example.com)');
    expect(resolveTarget(inv, 'Service/nope').label).toContain('not found');
  });
});
