import { describe, it, expect } from 'vitest';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Readable } from 'node:stream';
import { lineBatchesOf, linesOf, readLogBatches, readLogRecords, newStats, type ReadOptions } from './reader.js';
import { parseCriLine, CriReassembler, parseTime } from './line-formats.js';
import type { LogRecord } from '../../model/telemetry.js';

const fx = (f: string) => join(dirname(fileURLToPath(import.meta.url)), '__fixtures__', f);
async function collect(it: AsyncIterable<LogRecord>): Promise<LogRecord[]> {
  const out: LogRecord[] = [];
  for await (const r of it) out.push(r);
  return out;
}

describe('container runtime (CRI) format', () => {
  it('parses lines and reassembles partial lines per stream', async () => {
    const stats = newStats();
    const recs = await collect(readLogRecords(linesOf(fx('cri.log')), { source: 'cri.log' }, stats));
    expect(stats.format).toBe('cri');
    expect(recs.map((r) => [r.stream, r.message])).toEqual([
      ['stdout', 'GET /healthz 200 1ms'],
      ['stdout', 'interleaved stdout line'],
      ['stderr', 'java.lang.IllegalStateException: a very long line that the runtime was split in two'],
      ['stdout', 'this line is garbage'],
      ['stdout', 'payment failed'],
      ['stderr', 'never finished'],
    ].map(([s, m], i) => (i === 3 ? [undefined, m] : [s, m])));
    expect(recs[2].source).toEqual({ file: 'cri.log', line: 2 });
    expect(recs[3].tags).toContain('malformed');
    expect(recs[4]).toMatchObject({ level: 'error', ts: Date.parse('2026-11-22T06:00:02.5Z') });
    expect(recs[5].tags).toContain('truncated');
    expect(stats).toMatchObject({ lines: 7, malformed: 1 });
    expect(stats.problems[0]).toBe('cri.log:5: not in the container runtime format');
  });
  it('rejects what is not CRI and bounds a runaway partial line', () => {
    expect(parseCriLine('2026-11-22T06:00:00Z stdout X msg')).toBeUndefined();
    expect(parseCriLine('short stdout F msg')).toBeUndefined();
    const r = new CriReassembler(10);
    const p = parseCriLine('2026-11-22T06:00:00Z stdout P 0123456')!;
    expect(r.push(p)).toBeUndefined();
    expect(r.push(p)?.message).toBe('01234560123456');
  });
  it('parses times with nanoseconds and epochs', () => {
    expect(parseTime('2026-11-22T06:00:00.123456789Z')).toBe(Date.UTC(2026, 10, 22, 6, 0, 0, 123));
    expect(parseTime(1763791200)).toBe(1763791200000);
    expect(parseTime('1763791200123456789')).toBe(1763791200123);
    expect(parseTime('yesterday')).toBeUndefined();
  });
});

describe('JSON lines and header formats', () => {
  it('reads Docker json-file, pino and ECS shapes; keeps the malformed line', async () => {
    const stats = newStats();
    const recs = await collect(readLogRecords(linesOf(fx('app.jsonl')), { format: 'json' }, stats));
    expect(recs.map((r) => [r.message, r.level, r.stream])).toEqual([
      ['started', undefined, 'stdout'],
      ['db down', 'error', undefined],
      ['slow query', 'WARN', undefined],
      ['not json at all', undefined, undefined],
    ]);
    expect(recs[1]).toMatchObject({ ts: 1763791200123, component: 'repo' });
    expect(stats.malformed).toBe(1);
  });
  it('uses a header format string, and auto-detects common headers from a stream', async () => {
    const lines = ['2026-11-22 06:00:00,123 ERROR [db] connection refused', 'garbage', '2026-11-22 06:00:01,000 INFO [web] ok'];
    const stats = newStats();
    const recs = await collect(readLogRecords(linesOf(Readable.from(lines.map((l) => l + '\n'))), {}, stats));
    expect(stats.format).toBe('header(auto)');
    expect(recs.map((r) => r.message)).toEqual(['connection refused', 'garbage', 'ok']);
    expect(recs[0]).toMatchObject({ level: 'ERROR', component: 'db' });
    expect(stats.malformed).toBe(1);
    const hdfs = await collect(readLogRecords(Readable.from(['081109 203615 148 INFO dfs.DataNode: Receiving block x']) as AsyncIterable<string>, { format: '<Date> <Time> <Pid> <Level> <Component>: <Content>' }));
    expect(hdfs[0]).toMatchObject({ message: 'Receiving block x', level: 'INFO', component: 'dfs.DataNode' });
  });
  it('a bad format string is a clear error', async () => {
    await expect(collect(readLogRecords(Readable.from(['x']) as AsyncIterable<string>, { format: '<Date> <Time>' }))).rejects.toThrow(/no <Content>/);
  });
});

describe('linesOf', () => {
  it('splits byte chunks cut anywhere (inside CRLF, inside a UTF-8 character), keeps empty lines, no final newline needed', async () => {
    const text = 'first\r\n주민 로그 é\n\nlast';
    const bytes = Buffer.from(text, 'utf8');
    const chunks: Buffer[] = [];
    for (let i = 0; i < bytes.length; i += 3) chunks.push(bytes.subarray(i, i + 3));
    const got: string[] = [];
    for await (const l of linesOf(Readable.from(chunks))) got.push(l);
    expect(got).toEqual(['first', '주민 로그 é', '', 'last']);
  });
  it('light records carry only message and raw (for printing templates)', async () => {
    const recs = await collect(readLogRecords(Readable.from(['081109 203615 148 INFO dfs.DataNode: Receiving block x', 'junk']) as AsyncIterable<string>, { format: '<Date> <Time> <Pid> <Level> <Component>: <Content>', light: true }));
    expect(recs[0]).toEqual({ message: 'Receiving block x', raw: '081109 203615 148 INFO dfs.DataNode: Receiving block x' });
    expect(recs[1].tags).toEqual(['malformed']);
  });
});

describe('readLogBatches', () => {
  const fxs = fileURLToPath(new URL('./__fixtures__/', import.meta.url));
  const shopLog = fileURLToPath(new URL('../../analyze/logs/__fixtures__/shop.log', import.meta.url));
  it('gives the same records and stats as readLogRecords, batch by batch (auto, cri, json, header, light)', async () => {
    const cases: Array<[string, ReadOptions]> = [
      [join(fxs, 'cri.log'), {}],
      [join(fxs, 'app.jsonl'), {}],
      [shopLog, {}],
      [shopLog, { format: '<Date> <Time> <Level> \\[<Component>\\] <Content>', light: true }],
    ];
    for (const [file, o] of cases) {
      const s1 = newStats(), s2 = newStats();
      const one: LogRecord[] = [];
      for await (const r of readLogRecords(linesOf(file), { ...o, source: file }, s1)) one.push(r);
      const two: LogRecord[] = [];
      let batches = 0;
      for await (const b of readLogBatches(lineBatchesOf(file), { ...o, source: file }, s2)) {
        two.push(...b);
        batches++;
      }
      expect(two, file).toEqual(one);
      expect(s2).toEqual(s1);
      expect(batches).toBeGreaterThan(0);
      expect(one.length).toBeGreaterThan(2);
    }
  });
});

describe('linesOf on other encodings (bad input sweep)', () => {
  it('decodes a UTF-16 LE file with a BOM and drops a UTF-8 BOM, instead of NUL-riddled lines', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'hc-enc-'));
    const le = join(dir, 'le.log');
    writeFileSync(le, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('line one\r\nline two é\n', 'utf16le')]));
    const bom = join(dir, 'bom.log');
    writeFileSync(bom, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('first\nsecond\n')]));
    const got = async (f: string) => {
      const out: string[] = [];
      for await (const l of linesOf(f)) out.push(l);
      return out;
    };
    expect(await got(le)).toEqual(['line one', 'line two é']);
    expect(await got(bom)).toEqual(['first', 'second']);
  });
});
