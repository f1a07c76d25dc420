import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { loadUserRules } from './user-rules.js';
import { runChecks } from './engine.js';
import { inventoryFromYaml } from './testing.js';
import { deployment, service, yamlDocs } from './util/examples.js';

const dir = join(fileURLToPath(new URL('.', import.meta.url)), '__fixtures__', 'rules');

describe('user rules (YAML + CEL)', () => {
  const loaded = loadUserRules([dir]);
  it('loads good rules and reports bad CEL and bad schema with file:line', () => {
    expect(loaded.checks.map((c) => c.meta.id)).toEqual(['team-label-required', 'service-without-pods']);
    const cel = loaded.problems.find((p) => p.message.includes('bad CEL'));
    expect(cel).toMatchObject({ file: expect.stringMatching(/good\.yaml$/), line: 14 });
    const schema = loaded.problems.filter((p) => p.file.endsWith('bad-schema.yaml'));
    expect(schema.map((p) => p.line).sort()).toEqual([1, 3]);
    expect(schema.some((p) => /kebab/.test(p.message))).toBe(true);
  });
  it('evaluates over the object and its related objects', () => {
    const inv = inventoryFromYaml(yamlDocs(
      deployment('web', {}, { meta: { labels: { team: 'shop' } } }), deployment('api'),
      service('web', { app: 'web' }), service('ghost', { app: 'nothing' }),
    ));
    const r = runChecks(inv, loaded.checks);
    const ids = r.findings.map((f) => `${f.checkId}:${f.cis[0].split('/').pop()}`).sort();
    expect(ids).toEqual(['service-without-pods:ghost', 'team-label-required:api']);
    expect(r.findings.find((f) => f.checkId === 'service-without-pods')!.message).toBe('Service ghost in shop selects nothing');
  });
  it('reports evaluation errors on the outcome instead of failing the scan', () => {
    const { checks } = loadUserRules([dir]);
    const strict = checks[0];
    const inv = inventoryFromYaml(yamlDocs({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'x', namespace: 'a', labels: { team: 'y' } }, spec: {} }));
    const r = runChecks(inv, [strict]);
    expect(r.outcomes[0].status).toBe('ran');
  });
  it('refuses ids that clash with built-in checks', () => {
    const r = loadUserRules([dir], new Set(['team-label-required']));
    expect(r.problems.some((p) => /already used/.test(p.message))).toBe(true);
  });
});
