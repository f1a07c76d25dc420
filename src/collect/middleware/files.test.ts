import { describe, it, expect } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readConfigFiles } from './files.js';
import { collectFiles } from '../collect.js';

describe('readConfigFiles on corrupted product files (bad input sweep)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hc-cfgfiles-'));
  mkdirSync(join(dir, 'pg'));
  mkdirSync(join(dir, 'tibero'));
  mkdirSync(join(dir, 'wildfly'));
  writeFileSync(join(dir, 'pg', 'postgresql.conf'), 'max_connections = 100\n\u0000\u0001garbage\n');
  writeFileSync(join(dir, 'tibero', 'tibero.tip'), Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x11, 0x22]));
  writeFileSync(join(dir, 'wildfly', 'domain.xml'), '<?xml version="1.0"?>\n<domain xmlns="urn:jboss:domain:20.0"/>\n');
  writeFileSync(join(dir, 'notes.txt'), 'not configuration\n');
  writeFileSync(join(dir, 'cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  namespace: x\n');

  it('says which file named like product configuration could not be recognised, and nothing about other files', () => {
    const problems: Array<{ file: string; message: string }> = [];
    readConfigFiles([dir], problems);
    expect(problems).toEqual([
      { file: join(dir, 'pg', 'postgresql.conf'), message: expect.stringMatching(/not recognised as one \(binary content\)/) },
      { file: join(dir, 'tibero', 'tibero.tip'), message: expect.stringMatching(/not recognised/) },
    ]);
  });

  it('collectFiles passes those problems on (partial input) and still collects the manifests', () => {
    const c = collectFiles([dir]);
    expect(c.problems.map((p) => p.file)).toEqual(expect.arrayContaining([join(dir, 'pg', 'postgresql.conf'), join(dir, 'tibero', 'tibero.tip')]));
    expect(c.problems.every((p) => p.level === 'error')).toBe(true);
    expect(c.inventory.items.length).toBeGreaterThanOrEqual(1);
  });
});
