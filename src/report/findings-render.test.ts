import { describe, expect, it } from 'vitest';
import { runChecks } from '../detect/engine.js';
import { builtinChecks } from '../detect/registry.js';
import { deployment, goodContainer, service, yamlDocs } from '../detect/util/examples.js';
import { renderFindingsJson } from './findings-json.js';
import { renderFindingsTable } from './findings-table.js';
import { renderFindingsSarif } from './findings-sarif.js';
import { renderFindingsJunit } from './findings-junit.js';
import { renderFindingsHtml } from './findings-html.js';
import { parseManifestText, type LoadedObject, type LoadProblem } from '../collect/files/load-manifests.js';
import { buildInventory } from '../cmdb/build-inventory.js';

const yaml = yamlDocs(deployment('api', {}, { replicas: 2, containers: [goodContainer({ image: 'shop/api:latest' })] }), service('api', { app: 'api-server' }), service('x</script><b>', { app: 'api' }));

function result(live = false) {
  const objects: LoadedObject[] = [];
  parseManifestText(yaml, 'deploy/app.yaml', objects, [] as LoadProblem[]);
  // Live objects come from the API server: no file source; Pods were listed (none running).
  return runChecks(live ? buildInventory(objects.map((o) => ({ obj: o.obj })), { cluster: 'test', live: true, kinds: ['Pod'] }) : buildInventory(objects, { cluster: 'c1', live: false }), builtinChecks);
}

describe('findings renderers', () => {
  const r = result();
  it('table groups by severity, shows fixes and file:line, no colour unless asked', () => {
    const t = renderFindingsTable(r);
    expect(t).toMatch(/^CRITICAL \(\d+\)/);
    expect(t).toContain('service-selector-no-match  shop/Service/api  deploy/app.yaml:');
    expect(t).toMatch(/fix: /);
    expect(t).not.toContain('\x1b[');
    expect(renderFindingsTable(r, { color: true })).toContain('\x1b[31;1m');
    expect(t.trimEnd().split('\n').pop()).toMatch(/critical, .* warning, .* info · checks: \d+ ran, \d+ skipped, 0 failed · score: shop \d+/);
  });
  it('JSON follows schema version 1', () => {
    const j = JSON.parse(renderFindingsJson(r, { version: '0.1.0', generatedAt: '2026-11-22T00:00:00Z' }));
    expect(j.schemaVersion).toBe('1');
    expect(j.tool).toEqual({ name: 'hypercas', version: '0.1.0' });
    expect(Object.keys(j)).toEqual(['schemaVersion', 'tool', 'generatedAt', 'cluster', 'live', 'summary', 'outcomes', 'findings', 'suppressed', 'problems']);
    expect(j.findings[0].severity).toBe('critical');
  });
  it('SARIF 2.1.0 with physical locations for files and logical ones for live objects', () => {
    const s = JSON.parse(renderFindingsSarif(r, builtinChecks.map((c) => c.meta), { version: '0.1.0' }));
    expect(s.version).toBe('2.1.0');
    const res = s.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'service-selector-no-match');
    expect(res.level).toBe('error');
    expect(res.locations[0].physicalLocation.artifactLocation.uri).toBe('deploy/app.yaml');
    expect(res.locations[0].physicalLocation.region.startLine).toBeGreaterThan(1);
    expect(s.runs[0].tool.driver.rules[res.ruleIndex].id).toBe('service-selector-no-match');
    const live = JSON.parse(renderFindingsSarif(result(true), builtinChecks.map((c) => c.meta), { version: '0.1.0' }));
    const lres = live.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'service-selector-no-match');
    expect(lres.locations[0].logicalLocations[0]).toMatchObject({ name: 'api', kind: 'Service', fullyQualifiedName: 'test/shop/Service/api' });
  });
  it('JUnit has one suite per check, failures for findings and skipped with reasons', () => {
    const x = renderFindingsJunit(r);
    expect(x).toMatch(/<testsuite name="service-selector-no-match" tests="1" failures="1"/);
    expect(x).toMatch(/<skipped message="needs live cluster status/);
    expect(x).not.toContain('</script><b>');
  });
  it('HTML is self-contained and cannot be broken out of by object names', () => {
    const h = renderFindingsHtml(r, { version: '0.1.0' });
    expect(h).not.toMatch(/<script[^>]+src=|<link[^>]+href=|https?:\/\/(?!json\.schemastore)/);
    expect(h).not.toContain('x</script><b>');
    expect(h).toContain('id="q"');
    expect(h.match(/<\/script>/g)).toHaveLength(2);
  });
});
