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

describe('loadManifests on hostile input (bad input sweep)', () => {
  const tmpFile = async (name: string, bytes: string | Buffer) => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const f = join(mkdtempSync(join(tmpdir(), 'hc-hostile-')), name);
    writeFileSync(f, bytes);
    return f;
  };
  const cm = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: good\n  namespace: x\n';

  it('reports a self-referencing alias with file:line instead of recursing forever, and keeps the other documents', () => {
    const r = loadManifests(['-'], `${cm}---\n&a [*a]\n---\nmeta: &m {self: *m}\n`);
    expect(r.objects.map((o) => o.obj.metadata.name)).toEqual(['good']);
    expect(r.problems).toEqual([
      expect.objectContaining({ file: '<stdin>', line: 7, level: 'error', message: expect.stringMatching(/alias refers to a node that contains it/) }),
      expect.objectContaining({ file: '<stdin>', line: 9, level: 'error' }),
    ]);
  });

  it('reports duplicate keys with their line and still loads the object (last value wins)', () => {
    const r = loadManifests(['-'], 'apiVersion: v1\nkind: ConfigMap\nkind: Secret\nmetadata:\n  name: d\n');
    expect(r.objects.map((o) => o.obj.kind)).toEqual(['Secret']);
    expect(r.problems).toEqual([expect.objectContaining({ line: 3, level: 'error', message: expect.stringMatching(/duplicate key "kind"/) })]);
  });

  it('reads UTF-16 files with a BOM (PowerShell redirection) and says "binary" for binary files', async () => {
    const le = await tmpFile('le.yaml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(cm, 'utf16le')]));
    const be = Buffer.from(cm, 'utf16le').swap16();
    const bef = await tmpFile('be.yaml', Buffer.concat([Buffer.from([0xfe, 0xff]), be]));
    const bin = await tmpFile('chart.yaml', Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x7b, 0x3a]));
    const r = loadManifests([le, bef, bin]);
    expect(r.objects.map((o) => o.obj.metadata.name)).toEqual(['good', 'good']);
    expect(r.problems).toEqual([expect.objectContaining({ file: bin, message: expect.stringMatching(/binary file/) })]);
  });
});

describe('loadManifests on objects kubectl would reject (bad input sweep)', () => {
  it('keeps the object but names each malformed field with its line and path', () => {
    const text = [
      'apiVersion: apps/v1', //           1
      'kind: Deployment', //              2
      'metadata:', //                     3
      '  name: d', //                     4
      '  namespace: x', //                5
      '  labels: {version: 1}', //        6
      'spec:', //                         7
      '  replicas: 99999999999999999999999', // 8
      '  template:', //                   9
      '    spec:', //                    10
      '      containers:', //            11
      '        - 1', //                  12
      '        - name: c', //            13
      '          env: 5', //             14
    ].join('\n') + '\n';
    const r = loadManifests(['-'], text);
    expect(r.objects).toHaveLength(1);
    expect(r.problems.map((p) => `${p.line}: ${p.message}`)).toEqual([
      '6: Deployment x/d: metadata.labels.version must be a string (quote it: "1")',
      '8: Deployment x/d: spec.replicas must be a non-negative integer, got 1e+23',
      '12: Deployment x/d: spec.template.spec.containers[0] must be a container (a mapping with name and image)',
      '14: Deployment x/d: spec.template.spec.containers[1].env must be a list',
    ]);
    expect(r.problems.every((p) => p.level === 'error')).toBe(true);
  });

  it('names a name or namespace that would corrupt CI ids', () => {
    const r = loadManifests(['-'], 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: "a/b"\n  namespace: "Shop Ns"\n');
    expect(r.objects).toHaveLength(1);
    expect(r.problems.map((p) => `${p.line}: ${p.message}`)).toEqual([
      expect.stringMatching(/^4: ConfigMap .*metadata\.name must not contain "\/"/),
      expect.stringMatching(/^5: ConfigMap .*metadata\.namespace must be a DNS label/),
    ]);
  });

  it('says nothing about well-formed objects', () => {
    const r = loadManifests([fx('dir')]);
    expect(r.problems).toEqual([]);
  });
});

describe('loadManifests on absurdly nested documents (bad input sweep)', () => {
  it('skips a document nested thousands of levels deep with file:line instead of overflowing the stack later', () => {
    const deep = '['.repeat(8000) + ']'.repeat(8000);
    const r = loadManifests(['-'], `{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x"},"spec":${deep}}`);
    expect(r.objects).toEqual([]);
    expect(r.problems).toEqual([expect.objectContaining({ file: '<stdin>', line: 1, level: 'error', message: expect.stringMatching(/nested deeper than 512 levels/) })]);
  });
});

describe('expandPaths on special files (bad input sweep)', () => {
  it('skips a named pipe found in a directory instead of blocking on it', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { execFileSync } = await import('node:child_process');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'hc-fifo-'));
    writeFileSync(join(dir, 'a.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n');
    execFileSync('mkfifo', [join(dir, 'pipe.yaml')]);
    const r = loadManifests([dir]);
    expect(r.files).toEqual([join(dir, 'a.yaml')]);
    expect(r.objects).toHaveLength(1);
  });
});
