// The test contract of ../shared/samples/middleware: each broken variant yields exactly its expected
// linkage rule with the right fix; healthy variants yield no linkage finding. K8S-* expectations
// belong to the Kubernetes packs and must not be produced here.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { linkageChecks } from './index.js';
import { loadStack } from '../../../collect/middleware/load.js';
import { SAMPLES } from '../../../collect/middleware/__fixtures__/samples.js';
import type { Finding } from '../../../model/finding.js';

const index = parse(readFileSync(join(SAMPLES, 'index.yaml'), 'utf8')) as { variants: Array<{ path: string; id: string; expected_rules: string[] }> };
const ours = new Set(linkageChecks.flatMap((c) => c.meta.aliases ?? []).filter((a) => /^[A-Z0-9]+(-[A-Z0-9]+)+$/.test(a)));
const ruleOf = (f: Finding) => f.aliases?.find((a) => ours.has(a));

function scan(path: string): { findings: Finding[]; problems: string[] } {
  const { inv, problems } = loadStack([join(SAMPLES, path)]);
  return { findings: linkageChecks.flatMap((c) => c.run({ inv, options: {} })), problems };
}

describe('shared middleware samples', () => {
  it('index lists 12 variants', () => expect(index.variants.length).toBe(12));
  for (const v of index.variants) {
    it(`${v.id}: ${v.expected_rules.filter((r) => ours.has(r)).join(', ') || 'no linkage finding'}`, () => {
      const { findings, problems } = scan(v.path);
      expect(problems).toEqual([]);
      expect(findings.map(ruleOf)).toEqual(v.expected_rules.filter((r) => ours.has(r)));
    });
  }

  const fixOf = (path: string) => scan(path).findings[0];
  it('WJ-PORT proposes 9900 as a diff of domain.xml', () => {
    const f = fixOf('tmax/broken/01-jsvport-mismatch');
    expect(f.evidence).toMatchObject({ 'webtob.JSVPORT': 9900, 'jeus.webtob-connector.port': 9999 });
    expect(f.patch!.type).toBe('diff');
    expect(f.patch!.content).toContain('-                            <port>9999</port>\n+                            <port>9900</port>');
    expect(f.patch!.content).toMatch(/^--- a\/.*tmax\/broken\/01-jsvport-mismatch\/jeus\/domain\.xml/);
    expect(f.cis).toContain('local/App.webtob/shop-tmax/webtob');
  });
  it('from manifests only, the location is the line inside the ConfigMap manifest', () => {
    const { inv } = loadStack([join(SAMPLES, 'tmax/broken/01-jsvport-mismatch/k8s')]);
    const f = linkageChecks.flatMap((c) => c.run({ inv, options: {} }));
    expect(f.map(ruleOf)).toEqual(['WJ-PORT']);
    const loc = f[0].location!;
    expect(loc.file).toMatch(/02-configmaps\.yaml$/);
    expect(readFileSync(loc.file!, 'utf8').split('\n')[loc.line! - 1]).toContain('<port>9999</port>');
    expect(f[0].patch!.content).toMatch(/^--- a\/configmap\/shop-tmax\/jeus-config\/domain\.xml/);
  });
  it('WJ-REGID proposes shopsvr', () => {
    const f = fixOf('tmax/broken/02-registration-id-mismatch');
    expect(f.patch!.content).toContain('+                        <registration-id>shopsvr</registration-id>');
  });
  it('WJ-THREADS proposes 20 threads (40 / 2 replicas)', () => {
    const f = fixOf('tmax/broken/03-threads-exceed-maxproc');
    expect(f.evidence).toMatchObject({ 'webtob.shopsvr.MaxProc': 40, 'jeus.threads_per_pod': 30, 'jeus.replicas': 2, total: 60 });
    expect(f.patch!.content).toContain('+                            <number>20</number>');
  });
  it('JT-PORT proposes 8629', () => {
    const f = fixOf('tmax/broken/04-datasource-port-mismatch');
    expect(f.evidence).toMatchObject({ 'tibero.LISTENER_PORT': 8629 });
    expect(f.patch!.content).toContain('+                <port-number>8629</port-number>');
  });
  it('NA-UPSTREAM-PORT proposes 8080', () => {
    const f = fixOf('oss/broken/01-upstream-port-mismatch');
    expect(f.patch!.content).toContain('+        server api.shop-oss.svc.cluster.local:8080 max_fails=3 fail_timeout=10s;');
    expect(f.cis).toContain('local/Service/shop-oss/api');
  });
  it('AD-POOL-MAXCONN proposes <= 32', () => {
    const f = fixOf('oss/broken/03-pool-exceeds-max-connections');
    expect(f.evidence).toMatchObject({ 'hikari.maximum-pool-size': 40, total: 120, 'postgres.max_connections': 100, superuser_reserved_connections: 3 });
    expect(f.fix).toContain('<= 32');
    expect(f.patch!.content).toContain('+      maximum-pool-size: 32');
  });
  it('DB-MEM-LIMIT proposes 512MB or a 4Gi limit', () => {
    const f = fixOf('oss/broken/04-postgres-memory-over-limit');
    expect(f.fix).toContain('512MB');
    expect(f.fix).toContain('4Gi');
    expect(f.patch!.content).toContain('+shared_buffers = 512MB');
  });
});
