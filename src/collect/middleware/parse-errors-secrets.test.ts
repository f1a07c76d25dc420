import { describe, it, expect } from 'vitest';
import { parseSpringProperties } from './spring.js';
import { parseTip, parseTbdsn } from './tibero.js';
import { parseHttpM } from './webtob.js';
import { parsePostgresqlConf } from './postgresql.js';
import { excerpt } from './types.js';

// Error messages quote the malformed line; a password on it must not reach stderr or stored problems.
describe('parse errors never quote secrets', () => {
  it('quotes only the start of a malformed line', () => {
    const msgs = [
      ...parseSpringProperties('=CANARY-s3cr3t-a\nspring.datasource.password=ok\n').errors,
      ...parseTip('=CANARY-s3cr3t-b\n').errors,
      ...parseTbdsn('X-(CANARY-s3cr3t-c\n').errors,
      ...parseHttpM('*NODE\nshop =CANARY-s3cr3t-d\n').errors,
      ...parsePostgresqlConf('= CANARY-s3cr3t-e\n').errors,
    ].map((e) => e.message);
    expect(msgs.length).toBeGreaterThanOrEqual(4);
    for (const m of msgs) expect(m).not.toMatch(/CANARY/);
    expect(msgs[0]).toBe('expected key=value, got "=…"');
  });

  it('excerpt keeps the key and drops the value', () => {
    expect(excerpt('  password: hunter2 ')).toBe('password:…');
    expect(excerpt('foo')).toBe('foo');
    expect(excerpt('abcdefghijklmnopqrstuvwxyz0123')).toBe('abcdefghijklmnopqrstuvwx…');
  });
});
