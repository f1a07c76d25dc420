import { describe, it, expect } from 'vitest';
import { parsePostgresqlConf, pgMemory, pgInt, looksLikePostgresqlConf } from './postgresql.js';
import { sample } from './__fixtures__/samples.js';

describe('postgresql.conf', () => {
  it('reads settings with units', () => {
    const text = sample('oss/healthy/postgres/postgresql.conf');
    const r = parsePostgresqlConf(text);
    expect(r.errors).toEqual([]);
    expect(looksLikePostgresqlConf(text)).toBe(true);
    expect(pgMemory(r.model, 'shared_buffers')).toBe(512 * 1024 ** 2);
    expect(pgMemory(r.model, 'work_mem')).toBe(4 * 1024 ** 2);
    expect(pgInt(r.model, 'max_connections')).toBe(100);
    expect(r.model.settings.listen_addresses.value).toBe('*');
  });
  it('bare numbers use the base unit; bad lines are named', () => {
    const r = parsePostgresqlConf("shared_buffers = 16384\nwork_mem 1024\n= x\n", 'p.conf');
    expect(pgMemory(r.model, 'shared_buffers')).toBe(128 * 1024 ** 2);
    expect(pgMemory(r.model, 'work_mem')).toBe(1024 ** 2);
    expect(r.errors).toEqual([{ file: 'p.conf', line: 3, message: 'expected "name = value", got "=…"' }]);
  });
});
