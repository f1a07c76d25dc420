import { describe, it, expect } from 'vitest';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { readLongCsv, parseLongCsv, parseTimestamp, accToSeries } from './long-csv.js';

const fx = join(fileURLToPath(new URL('.', import.meta.url)), '__fixtures__', 'long-csv');

describe('parseTimestamp', () => {
  it('accepts RFC 3339 and Unix seconds', () => {
    expect(parseTimestamp('2026-11-22T00:00:00Z')).toBe(Date.UTC(2026, 10, 22));
    expect(parseTimestamp('2026-11-22T09:00:00+09:00')).toBe(Date.UTC(2026, 10, 22));
    expect(parseTimestamp('1795305600')).toBe(1795305600000);
    expect(parseTimestamp('1795305600.5')).toBe(1795305600500);
  });
  it('rejects other shapes', () => {
    expect(parseTimestamp('2026-11')).toBeUndefined();
    expect(parseTimestamp('2026-11-22')).toBeUndefined();
    expect(parseTimestamp('yesterday')).toBeUndefined();
  });
});

describe('readLongCsv', () => {
  it('reads a directory recursively, groups per (ci, metric), sorts by time', () => {
    const r = readLongCsv(join(fx, 'dir'));
    expect(r.files.map((f) => f.slice(fx.length))).toEqual(['/dir/a.csv', '/dir/sub/b.csv']);
    expect(r.series.map((s) => `${s.ci} ${s.metric} ${s.values.length}`)).toEqual([
      'c1/Deployment/shop/db connections 2',
      'c1/Deployment/shop/db cpu 1',
      'c1/Deployment/shop/web requests 3',
    ]);
    const conn = r.series[0];
    expect(Array.from(conn.timestamps)).toEqual([1795305600000, 1795305660000]);
    expect(Array.from(conn.values)).toEqual([4, 5]);
  });
  it('reports bad rows with file:line and keeps going', () => {
    const r = readLongCsv(join(fx, 'dir', 'a.csv'));
    expect(r.rows).toBe(3);
    expect(r.problems.map((p) => `${p.file.slice(fx.length)}:${p.line}`)).toEqual(['/dir/a.csv:5', '/dir/a.csv:6', '/dir/a.csv:7']);
    expect(r.problems[0].message).toMatch(/bad timestamp/);
    expect(r.problems[1].message).toMatch(/bad value/);
    expect(r.problems[2].message).toMatch(/4 fields/);
  });
  it('rejects a wrong header', () => {
    const { problems, rows } = parseLongCsv('time,ci,value\n1,a,1\n', 'x.csv');
    expect(rows).toBe(0);
    expect(problems[0]).toMatchObject({ file: 'x.csv', line: 1 });
  });
  it('keeps the last value of a duplicate timestamp', () => {
    const { acc } = parseLongCsv('timestamp,ci,metric,value\n60,a,m,1\n60,a,m,2\n0,a,m,0\n', 'x.csv');
    const [s] = accToSeries(acc);
    expect(Array.from(s.timestamps)).toEqual([0, 60000]);
    expect(Array.from(s.values)).toEqual([0, 2]);
  });
});

describe('listFiles on special entries (bad input sweep)', () => {
  it('skips a named pipe (it would block forever) and keeps a broken link for readText to report', async () => {
    const { mkdtempSync, writeFileSync, symlinkSync } = await import('node:fs');
    const { execFileSync } = await import('node:child_process');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { listFiles, readText } = await import('./long-csv.js');
    const dir = mkdtempSync(join(tmpdir(), 'hc-listfiles-'));
    writeFileSync(join(dir, 'a.csv'), 'timestamp,ci,metric,value\n');
    execFileSync('mkfifo', [join(dir, 'p.csv')]);
    symlinkSync(join(dir, 'gone'), join(dir, 'z.csv'));
    const files = listFiles(dir, (n) => n.endsWith('.csv'));
    expect(files).toEqual([join(dir, 'a.csv'), join(dir, 'z.csv')]);
    const problems: Array<{ file: string; line: number; message: string }> = [];
    expect(readText(join(dir, 'z.csv'), problems)).toBeUndefined();
    expect(problems[0]).toMatchObject({ file: join(dir, 'z.csv'), message: expect.stringMatching(/cannot read: ENOENT/) });
  });
});
