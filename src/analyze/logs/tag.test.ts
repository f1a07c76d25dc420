import { describe, it, expect } from 'vitest';
import { tagRecord, tagInPlace, foldStackTraces, levelSeverity, wordingSeverity, type ErrorCodeMatcher } from './tag.js';
import type { LogRecord } from '../../model/telemetry.js';

const rec = (message: string, extra: Partial<LogRecord> = {}): LogRecord => ({ message, ...extra });

describe('severity', () => {
  it('prefers the level field, else the wording', () => {
    expect(levelSeverity('WARNING')).toBe('warn');
    expect(levelSeverity('E')).toBe('error');
    expect(levelSeverity('3')).toBe('error');
    expect(levelSeverity('whatever')).toBeUndefined();
    expect(wordingSeverity('java.lang.NullPointerException at x')).toBe('error');
    expect(wordingSeverity('connection refused')).toBe('error');
    expect(wordingSeverity('kernel panic - not syncing')).toBe('fatal');
    expect(wordingSeverity('Warning: disk 91% full')).toBe('warn');
    expect(wordingSeverity('request served in 3ms')).toBeUndefined();
    const t = tagRecord(rec('all good', { level: 'ERROR', stream: 'stderr' }));
    expect(t.tags).toEqual(expect.arrayContaining(['stderr', 'severity:error']));
    const w = tagRecord(rec('upstream timed out', { stream: 'stdout' }));
    expect(w.level).toBe('error');
    expect(w.tags).toEqual(expect.arrayContaining(['stdout', 'severity:error', 'severity-from-wording']));
    expect(tagRecord(rec('hello')).tags).toEqual([]);
  });
  it('adds error codes from a pluggable matcher', () => {
    const matcher: ErrorCodeMatcher = (l) => [...l.matchAll(/\b(TBR-\d+|JEUS-\d+)\b/g)].map((m) => ({ code: m[1], kbId: `kb/${m[1]}` }));
    const t = tagRecord(rec('TBR-17001: login denied'), matcher);
    expect(t.tags).toEqual(expect.arrayContaining(['error-code:TBR-17001', 'kb:kb/TBR-17001']));
    expect(tagRecord(rec('fine'), matcher).tags).toEqual([]);
  });
});

describe('foldStackTraces', () => {
  it('folds a Java trace with Caused by into one record', () => {
    const out = foldStackTraces([
      rec('INFO start'),
      rec('ERROR request failed: java.lang.IllegalStateException: boom'),
      rec('\tat com.shop.Cart.add(Cart.java:42)'),
      rec('\tat com.shop.Api.handle(Api.java:10)'),
      rec('Caused by: java.sql.SQLException: closed'),
      rec('\t... 12 more'),
      rec('INFO next'),
    ]);
    expect(out.map((r) => r.message.split('\n').length)).toEqual([1, 5, 1]);
    expect(out[1].tags).toContain('stacktrace');
  });
  it('folds a Python traceback up to its exception line', () => {
    const out = foldStackTraces([
      rec('Traceback (most recent call last):'),
      rec('  File "app.py", line 3, in <module>'),
      rec('    main()'),
      rec('ZeroDivisionError: division by zero'),
      rec('INFO after'),
    ]);
    expect(out).toHaveLength(2);
    expect(out[0].message).toContain('ZeroDivisionError');
    expect(out[0].level).toBe('error');
    expect(out[1].message).toBe('INFO after');
  });
  it('does not fold across streams or ordinary lines', () => {
    const out = foldStackTraces([rec('a', { stream: 'stdout' }), rec('\tat x.y(Z.java:1)', { stream: 'stderr' }), rec('b')]);
    expect(out).toHaveLength(3);
  });
});

describe('tagInPlace', () => {
  it('gives the same tags and level as tagRecord, on the record itself', () => {
    const matcher: ErrorCodeMatcher = (l) => [...l.matchAll(/\b(TBR-\d+)\b/g)].map((m) => ({ code: m[1], kbId: `kb/${m[1]}` }));
    const recs: LogRecord[] = [
      { message: 'connection refused', stream: 'stderr' },
      { message: 'all good', level: 'INFO' },
      { message: 'TBR-17001: login denied', tags: ['stderr', 'x'], stream: 'stderr' },
      { message: 'slow request', level: 'W' },
      { message: 'nothing here' },
    ];
    for (const r of recs) {
      const want = tagRecord({ ...r, tags: r.tags && [...r.tags] }, matcher);
      const got = tagInPlace(r, matcher);
      expect(got).toBe(r);
      expect(got).toEqual(want);
    }
  });
});
