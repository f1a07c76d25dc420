// Reading log records from files and streams, line by line (readline), so huge and unending
// inputs use bounded memory. Malformed lines are counted and kept (as a record of the raw line
// tagged `malformed`), never fatal.
import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import type { LogRecord } from '../../model/telemetry.js';
import type { CiId } from '../../model/ci.js';
import { compileFormat, detectFormat, type HeaderParser } from '../../analyze/logs/header.js';
import { CriReassembler, parseCriLine, parseJsonLine, parseTime } from './line-formats.js';

export type InputFormat = 'auto' | 'plain' | 'json' | 'cri';

export interface ReadOptions {
  /** 'auto' (default), 'plain', 'json', 'cri', or a header format string like `<Date> <Time> <Level> <Content>`. */
  format?: InputFormat | string;
  /** Where the lines come from (file name or URL), for `source` and error messages. */
  source?: string;
  ci?: CiId;
  /** Lines looked at for auto-detection. */
  sniffLines?: number;
  /**
   * Only message, raw and source are needed (printing templates): skip time, level and
   * component parsing of header lines.
   */
  light?: boolean;
}

export interface ReadStats {
  lines: number;
  records: number;
  malformed: number;
  /** First few problems, `source:line: reason`. */
  problems: string[];
  /** The format used (after auto-detection). */
  format: string;
}

export function newStats(): ReadStats {
  return { lines: 0, records: 0, malformed: 0, problems: [], format: '' };
}

/** Longest line kept whole (16 MiB); a longer one is cut there, so memory stays bounded. */
export const MAX_LINE = 16 * 1024 * 1024;

/**
 * Lines of a file or stream (LF or CRLF), a batch per chunk read (about 64 KB). Splits chunks
 * itself rather than through readline, which costs about as much as everything else in
 * `logs parse --print templates`.
 */
export async function* lineBatchesOf(input: string | NodeJS.ReadableStream): AsyncGenerator<string[]> {
  // Bytes, not a utf8 stream: the first chunk's byte-order mark picks the decoder (Windows tools
  // write UTF-16 LE logs; read as UTF-8 every other byte would be a NUL).
  const stream = typeof input === 'string' ? createReadStream(input, { highWaterMark: 1 << 16 }) : input;
  let decoder: StringDecoder | undefined;
  let rest = '';
  const strip = (l: string) => (l.charCodeAt(l.length - 1) === 13 ? l.slice(0, -1) : l);
  for await (const chunk of stream as AsyncIterable<string | Buffer>) {
    let bytes = chunk;
    if (!decoder && typeof bytes !== 'string') {
      const utf16 = bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe;
      decoder = new StringDecoder(utf16 ? 'utf16le' : 'utf8');
      if (utf16) bytes = bytes.subarray(2);
      else if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
    }
    const text = rest + (typeof bytes === 'string' ? bytes : decoder!.write(bytes));
    const batch: string[] = [];
    let start = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      batch.push(strip(text.slice(start, nl)));
      start = nl + 1;
    }
    rest = text.slice(start);
    if (rest.length > MAX_LINE) {
      batch.push(strip(rest.slice(0, MAX_LINE)));
      rest = '';
    }
    if (batch.length) yield batch;
  }
  if (decoder) rest += decoder.end();
  if (rest !== '') yield [strip(rest)];
}

/** Lines of a file or stream, one by one (see lineBatchesOf). */
export async function* linesOf(input: string | NodeJS.ReadableStream): AsyncGenerator<string> {
  for await (const batch of lineBatchesOf(input)) yield* batch;
}

function headerRecord(p: HeaderParser, line: string, light?: boolean): LogRecord | undefined {
  if (light) {
    const m = p.messageOf(line);
    return m === undefined ? undefined : { message: m, raw: line };
  }
  const h = p.parse(line);
  if (!h) return undefined;
  const f = h.fields;
  const rec: LogRecord = { message: h.message, raw: line };
  const level = f.Level ?? f.level ?? f.Severity;
  if (level) rec.level = level;
  const comp = f.Component ?? f.component ?? f.Logger;
  if (comp) rec.component = comp;
  const ts = parseTime(f.Timestamp ?? (f.Date && f.Time ? `${f.Date}T${f.Time}` : undefined));
  if (ts !== undefined) rec.ts = ts;
  return rec;
}

function sniff(sample: string[]): { name: string; header?: HeaderParser } {
  const nonEmpty = sample.filter((l) => l.trim() !== '');
  if (!nonEmpty.length) return { name: 'plain' };
  const cri = nonEmpty.filter((l) => parseCriLine(l)).length;
  if (cri * 2 > nonEmpty.length) return { name: 'cri' };
  const json = nonEmpty.filter((l) => parseJsonLine(l)).length;
  if (json * 2 > nonEmpty.length) return { name: 'json' };
  const header = detectFormat(nonEmpty);
  return header ? { name: 'header(auto)', header } : { name: 'plain' };
}

/** Whitespace only (without allocating a trimmed copy per line). */
function isBlank(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13 && c !== 10 && c !== 12 && c !== 11 && c !== 0xa0 && c !== 0xfeff) return false;
  }
  return true;
}

/**
 * The per-line state machine behind readLogRecords/readLogBatches (synchronous: the async
 * iteration happens once per batch, not once per line). `start(sample)` fixes the format
 * (auto-detected from the sample when asked), `line()` turns a line into at most one record,
 * `end()` returns what is left (partial CRI lines).
 */
function lineReader(opts: ReadOptions, stats: ReadStats) {
  const fmt = opts.format ?? 'auto';
  let header: HeaderParser | undefined;
  let mode: string = fmt;
  if (fmt !== 'auto' && fmt !== 'plain' && fmt !== 'json' && fmt !== 'cri') {
    header = compileFormat(fmt);
    mode = 'header';
  }
  const cri = new CriReassembler();
  const problem = (lineNo: number, why: string) => {
    stats.malformed++;
    if (stats.problems.length < 10) stats.problems.push(`${opts.source ?? '<input>'}:${lineNo}: ${why}`);
  };
  const finish = (r: LogRecord, lineNo: number): LogRecord => {
    if (opts.source) r.source = { file: opts.source, line: lineNo };
    if (opts.ci) r.ci = opts.ci;
    stats.records++;
    return r;
  };
  const kept = (line: string, lineNo: number, why: string): LogRecord => {
    problem(lineNo, why);
    return finish({ message: line, raw: line, tags: ['malformed'] }, lineNo);
  };
  const criStart = new Map<string, number>();
  return {
    start(sample: string[]): void {
      if (mode === 'auto') {
        const s = sniff(sample);
        mode = s.header ? 'header' : s.name;
        header = s.header;
        stats.format = s.name;
      } else stats.format = mode === 'header' ? `header(${fmt})` : mode;
    },
    line(line: string): LogRecord | undefined {
      const lineNo = ++stats.lines;
      if (mode === 'header' && header) {
        if (isBlank(line)) return undefined;
        const r = headerRecord(header, line, opts.light);
        return r ? finish(r, lineNo) : kept(line, lineNo, 'does not match the log format');
      }
      if (mode === 'cri') {
        const c = parseCriLine(line);
        if (!c) return isBlank(line) ? undefined : kept(line, lineNo, 'not in the container runtime format');
        if (c.tag === 'P' && !criStart.has(c.stream)) criStart.set(c.stream, lineNo);
        const full = cri.push(c);
        if (!full) return undefined;
        const inner = parseJsonLine(full.message);
        const rec: LogRecord = inner ? { ...inner, raw: full.message } : { message: full.message, raw: full.message };
        rec.ts ??= full.ts;
        rec.stream = full.stream;
        if (full.tag === 'P') rec.tags = [...(rec.tags ?? []), 'truncated'];
        const start = criStart.get(full.stream) ?? lineNo;
        criStart.delete(full.stream);
        return finish(rec, start);
      }
      if (isBlank(line)) return undefined;
      if (mode === 'json') {
        const r = parseJsonLine(line);
        return r ? finish(r, lineNo) : kept(line, lineNo, 'not a JSON object');
      }
      return finish({ message: line, raw: line }, lineNo);
    },
    end(): LogRecord[] {
      return cri.flush().map((c) => finish({ message: c.message, raw: c.message, ts: c.ts, stream: c.stream, tags: ['truncated'] }, stats.lines));
    },
  };
}

/**
 * Turns lines into records. `stats` is updated as records flow (read it after the loop).
 * Bad format strings throw before any line is read.
 */
export async function* readLogRecords(lines: AsyncIterable<string>, opts: ReadOptions = {}, stats: ReadStats = newStats()): AsyncGenerator<LogRecord> {
  const reader = lineReader(opts, stats);
  const it = lines[Symbol.asyncIterator]();
  const buffered: string[] = [];
  if ((opts.format ?? 'auto') === 'auto') {
    const n = opts.sniffLines ?? 50;
    while (buffered.length < n) {
      const r = await it.next();
      if (r.done) break;
      buffered.push(r.value);
    }
  }
  reader.start(buffered);
  for (const l of buffered) {
    const r = reader.line(l);
    if (r) yield r;
  }
  for (;;) {
    const n = await it.next();
    if (n.done) break;
    const r = reader.line(n.value);
    if (r) yield r;
  }
  yield* reader.end();
}

/**
 * readLogRecords over batches of lines (see lineBatchesOf), yielding a batch of records per
 * batch of lines: one async step per batch instead of per line, which is most of the cost of
 * reading once the parsing is fast.
 */
export async function* readLogBatches(batches: AsyncIterable<string[]>, opts: ReadOptions = {}, stats: ReadStats = newStats()): AsyncGenerator<LogRecord[]> {
  const reader = lineReader(opts, stats);
  const it = batches[Symbol.asyncIterator]();
  const first: string[][] = [];
  let seen = 0;
  if ((opts.format ?? 'auto') === 'auto') {
    const n = opts.sniffLines ?? 50;
    while (seen < n) {
      const r = await it.next();
      if (r.done) break;
      first.push(r.value);
      seen += r.value.length;
    }
  }
  reader.start(first.flat().slice(0, opts.sniffLines ?? 50));
  const run = (lines: string[]): LogRecord[] => {
    const out: LogRecord[] = [];
    for (let i = 0; i < lines.length; i++) {
      const r = reader.line(lines[i]);
      if (r) out.push(r);
    }
    return out;
  };
  for (const b of first) yield run(b);
  for (;;) {
    const n = await it.next();
    if (n.done) break;
    yield run(n.value);
  }
  const rest = reader.end();
  if (rest.length) yield rest;
}
