import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { loadConfigSpace, validateConfigSpace } from './configspace.js';
import { loadStack } from '../collect/middleware/load.js';
import { SAMPLES } from '../collect/middleware/__fixtures__/samples.js';

const space = loadConfigSpace();
const violations = (variant: string) => {
  const { inv } = loadStack([join(SAMPLES, variant)]);
  return validateConfigSpace(inv, space);
};

describe('ConfigSpace', () => {
  it('built-in packs load cleanly', () => {
    expect(space.problems).toEqual([]);
    expect([...space.products.keys()].sort()).toEqual(['mysql', 'postgresql', 'spring', 'tibero', 'webtob']);
    expect(space.cross.length).toBeGreaterThanOrEqual(3);
  });

  it('healthy stacks satisfy every constraint', () => {
    expect(violations('tmax/healthy')).toEqual([]);
    expect(violations('oss/healthy')).toEqual([]);
  });

  it('a Tibero sized past the namespace quota is a violation before it starts', () => {
    const v = violations('tmax/broken/05-tibero-memory-over-quota');
    expect(v.map((x) => x.constraint)).toEqual(['CS-DB-MEM-QUOTA']);
    expect(v[0].message).toContain('12Gi');
    expect(v[0].message).toContain('11Gi');
  });

  it('cross-product constraints: pools against DB limits, threads against MaxProc', () => {
    expect(violations('oss/broken/03-pool-exceeds-max-connections').map((x) => x.constraint)).toEqual(['AD-POOL-MAXCONN']);
    expect(violations('tmax/broken/03-threads-exceed-maxproc').map((x) => x.constraint)).toEqual(['WJ-THREADS']);
    expect(violations('oss/broken/04-postgres-memory-over-limit').map((x) => x.constraint)).toEqual(['DB-MEM-LIMIT']);
  });

  it('reports pack problems by file:line (bad CEL, bad schema) and keeps the rest', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cs-'));
    writeFileSync(join(dir, 'a.yaml'), 'product: tibero\nconstraints:\n  - id: X\n    expr: "app.memory_target <="\n    message: m\n  - id: OK\n    expr: app.max_sessions < 10\n    message: "too many sessions ${app.max_sessions}"\n');
    writeFileSync(join(dir, 'b.yaml'), 'product: nginx\nkeys:\n  - key: worker_processes\n    type: number\n');
    const s = loadConfigSpace([dir]);
    expect(s.problems.map((p) => `${p.file.split('/').pop()}:${p.line}`)).toEqual(['a.yaml:4', 'b.yaml:4']);
    const { inv } = loadStack([join(SAMPLES, 'tmax/healthy')]);
    expect(validateConfigSpace(inv, s).map((v) => v.message)).toContain('too many sessions 200');
  });

  it('key rules: ranges and required keys point at the config line', async () => {
    const { inventoryFromYaml } = await import('../detect/testing.js');
    const { tmaxStack } = await import('../detect/rules/linkage/examples.js');
    const inv = inventoryFromYaml(tmaxStack({ httpm: (s) => s.replace('SHMKEY = 54000', 'SHMKEY = 1000'), tip: (s) => s.replace('DB_NAME=PAYDB\n', '') }));
    const v = validateConfigSpace(inv, space);
    expect(v.map((x) => x.constraint).sort()).toEqual(['tibero.DB_NAME', 'webtob.NODE.SHMKEY']);
    expect(v.find((x) => x.constraint === 'webtob.NODE.SHMKEY')!.location.line).toBe(5);
  });
});
