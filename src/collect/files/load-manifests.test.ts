import { describe, it, expect } from 'vitest';
import { fileURLToPath } from 'node:url';
import { loadManifests } from './load-manifests.js';

const fx = (p: string) => fileURLToPath(new URL(`./__fixtures__/${p}`, import.meta.url));

describe('loadManifests', () => {
  it('loads the good documents of a file with a broken one and names file:line of the problems', () => {
    const r = loadManifests([fx('mixed.yaml')]);
    expect(r.objects.map((o) => o.obj.metadata.name)).toEqual(['good-one', 'good-two']);
    expect(r.objects[0].source.line).toBe(2);
    expect(r.objects[1].source.line).toBe(19);
    const err = r.problems.find((p) => p.level === 'error')!;
    expect(err.file).toBe(fx('mixed.yaml'));
    expect(err.line).toBeGreaterThanOrEqual(13);
    expect(err.line).toBeLessThanOrEqual(15);
    const skipped = r.problems.find((p) => p.level === 'skipped')!;
    expect(skipped.message).toMatch(/Deployment object without apiVersion, metadata/);
    expect(skipped.line).toBe(16);
  });

  it('expands kind: List and typed lists, filling kind on items', () => {
    const r = loadManifests([fx('list.json'), fx('podlist.json')]);
    expect(r.problems).toEqual([]);
    expect(r.objects.map((o) => `${o.obj.kind}/${o.obj.metadata.name}`)).toEqual(['Secret/db', 'Deployment/web', 'Pod/p1']);
    expect(r.objects[2].obj.apiVersion).toBe('v1');
  });

  it('walks directories recursively and only reads manifest extensions', () => {
    const r = loadManifests([fx('dir')]);
    expect(r.objects.map((o) => o.obj.kind).sort()).toEqual(['Namespace', 'ServiceAccount']);
    expect(r.files.some((f) => f.endsWith('readme.txt'))).toBe(false);
  });

  it('reads stdin text for "-"', () => {
    const r = loadManifests(['-'], 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n');
    expect(r.objects).toHaveLength(1);
    expect(r.objects[0].source.file).toBe('<stdin>');
  });

  it('reports a missing path and invalid JSON without throwing', () => {
    const r = loadManifests(['/nonexistent/path.yaml', '-'], '{"apiVersion": "v1", "kind": ');
    expect(r.problems.map((p) => p.message)).toEqual([expect.stringMatching(/cannot read: ENOENT/), expect.stringMatching(/invalid/)]);
  });
});

describe('loadManifests on directories with other YAML', () => {
  it('leaves non-Kubernetes documents found in a directory alone, but reports them in named files', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'hc-foreign-'));
    writeFileSync(join(dir, 'application.yaml'), 'server:\n  port: 8080\n');
    writeFileSync(join(dir, 'half.yaml'), 'kind: Deployment\nspec: {}\n');
    const walked = loadManifests([dir]);
    expect(walked.problems.map((p) => p.file)).toEqual([join(dir, 'half.yaml')]);
    const named = loadManifests([join(dir, 'application.yaml')]);
    expect(named.problems).toHaveLength(1);
  });
});
