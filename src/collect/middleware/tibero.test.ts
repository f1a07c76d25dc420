import { describe, it, expect } from 'vitest';
import { parseTip, tiberoParams, parseTbdsn, looksLikeTip, looksLikeTbdsn } from './tibero.js';
import { sample } from './__fixtures__/samples.js';

describe('Tibero', () => {
  it('reads the .tip with sizes and lines', () => {
    const text = sample('tmax/healthy/tibero/tibero.tip');
    const r = parseTip(text);
    expect(r.errors).toEqual([]);
    const p = tiberoParams(r.model);
    expect(p.dbName!.value).toBe('SHOPDB');
    expect(p.listenerPort!.value).toBe(8629);
    expect(p.memoryTarget!.value).toBe(4 * 1024 ** 3);
    expect(p.logBuffer!.value).toBe(64 * 1024 ** 2);
    expect(text.split('\n')[p.maxSessionCount!.line - 1]).toMatch(/^MAX_SESSION_COUNT=200/);
    expect(r.model.params.CONTROL_FILES.value).toContain('c1.ctl');
    expect(looksLikeTip(text)).toBe(true);
  });

  it('reports a line without "=" and keeps the rest', () => {
    const r = parseTip('DB_NAME=X\ngarbage\nLISTENER_PORT=1', 't.tip');
    expect(r.errors).toEqual([{ file: 't.tip', line: 2, message: 'expected NAME=value, got "garbage"' }]);
    expect(r.model.params.LISTENER_PORT.value).toBe('1');
  });

  it('reads multi-line tbdsn aliases', () => {
    const text = sample('tmax/healthy/tibero/tbdsn.tbr');
    const r = parseTbdsn(text);
    expect(r.errors).toEqual([]);
    expect(looksLikeTbdsn(text)).toBe(true);
    expect(r.model.aliases.map((a) => [a.name, a.host?.value, a.port?.value, a.dbName?.value])).toEqual([
      ['SHOPDB', 'tibero.shop-tmax.svc.cluster.local', 8629, 'SHOPDB'],
      ['SHOPDB_LOCAL', '127.0.0.1', 8629, 'SHOPDB'],
    ]);
    expect(text.split('\n')[r.model.aliases[0].port!.line - 1]).toContain('(PORT=8629)');
  });

  it('names an unbalanced alias', () => {
    const r = parseTbdsn('A=((INSTANCE=(HOST=h)(PORT=1)\nB=((INSTANCE=(HOST=x)))', 't.tbr');
    expect(r.errors.length).toBe(1);
    expect(r.errors[0].line).toBe(1);
  });
});
