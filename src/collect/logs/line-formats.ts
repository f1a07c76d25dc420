// Line formats of log files: the container runtime (CRI) format, JSON lines (Docker json-file,
// structured loggers), and plain text with an optional header format. Each parser turns one
// physical line into a LogRecord, or returns undefined for a malformed line (callers count it).
import type { LogRecord, LogStream } from '../../model/telemetry.js';

export interface CriLine {
  ts: number;
  time: string;
  stream: LogStream;
  /** 'F' full (last chunk of a line), 'P' partial (more follows). */
  tag: 'F' | 'P';
  message: string;
}

/** `2024-01-02T03:04:05.123456789Z stdout F message` (kubelet's container log format). */
export function parseCriLine(line: string): CriLine | undefined {
  const a = line.indexOf(' ');
  if (a < 20) return undefined;
  const b = line.indexOf(' ', a + 1);
  if (b < 0) return undefined;
  const stream = line.slice(a + 1, b);
  if (stream !== 'stdout' && stream !== 'stderr') return undefined;
  const tagEnd = line.indexOf(' ', b + 1);
  const tagStr = tagEnd < 0 ? line.slice(b + 1) : line.slice(b + 1, tagEnd);
  // The tag field may carry more flags separated by ':' in future runtimes; the first is F/P.
  const tag = tagStr.split(':')[0];
  if (tag !== 'F' && tag !== 'P') return undefined;
  const time = line.slice(0, a);
  const ts = parseTime(time);
  if (ts === undefined) return undefined;
  return { ts, time, stream, tag, message: tagEnd < 0 ? '' : line.slice(tagEnd + 1) };
}

/** RFC 3339 with up to nanoseconds, or epoch seconds/ms/ns as a number or numeric string. */
export function parseTime(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) {
    if (v > 1e17) return Math.floor(v / 1e6); // ns
    if (v > 1e14) return Math.floor(v / 1e3); // µs
    if (v > 1e11) return v; // ms
    return v * 1000; // s
  }
  if (typeof v !== 'string' || v === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(v)) return parseTime(Number(v));
  // Date.parse handles milliseconds only: cut longer fractions.
  const s = v.replace(/(\d{2}:\d{2}:\d{2}),(\d)/, '$1.$2').replace(/(\.\d{3})\d+/, '$1');
  const t = Date.parse(s);
  return Number.isNaN(t) ? undefined : t;
}

/**
 * Reassembles CRI partial lines ('P' chunks up to the next 'F'), separately per stream.
 * Memory is bounded: a line longer than `maxBytes` is emitted in pieces, tagged `truncated`.
 */
export class CriReassembler {
  private readonly parts = new Map<LogStream, { first: CriLine; chunks: string[]; size: number }>();
  constructor(private readonly maxBytes = 1 << 20) {}

  push(l: CriLine): CriLine | undefined {
    const p = this.parts.get(l.stream);
    if (l.tag === 'P') {
      if (!p) this.parts.set(l.stream, { first: l, chunks: [l.message], size: l.message.length });
      else {
        p.chunks.push(l.message);
        p.size += l.message.length;
        if (p.size >= this.maxBytes) {
          this.parts.delete(l.stream);
          return { ...p.first, tag: 'P', message: p.chunks.join('') };
        }
      }
      return undefined;
    }
    if (!p) return l;
    this.parts.delete(l.stream);
    return { ...p.first, tag: 'F', message: p.chunks.join('') + l.message };
  }

  /** Whatever partial lines are left at the end of input. */
  flush(): CriLine[] {
    const out = [...this.parts.values()].map((p) => ({ ...p.first, tag: 'P' as const, message: p.chunks.join('') }));
    this.parts.clear();
    return out;
  }
}

const MESSAGE_KEYS = ['message', 'msg', 'log', 'MESSAGE', 'Message', 'text', 'event'];
const LEVEL_KEYS = ['level', 'severity', 'lvl', 'loglevel', 'log.level', 'levelname', 'PRIORITY', 'Level'];
const TIME_KEYS = ['@timestamp', 'timestamp', 'time', 'ts', 'T', 'datetime', 'date', '__REALTIME_TIMESTAMP'];
const COMPONENT_KEYS = ['logger', 'logger_name', 'component', 'caller', 'name', 'module', 'SYSLOG_IDENTIFIER'];

function pick(o: Record<string, unknown>, keys: string[]): unknown {
  for (const k of keys) {
    if (k in o) return o[k];
    // dotted keys as nested objects (`log.level` in ECS)
    if (k.includes('.')) {
      const [a, b] = k.split('.');
      const inner = o[a];
      if (inner && typeof inner === 'object' && b in (inner as object)) return (inner as Record<string, unknown>)[b];
    }
  }
  return undefined;
}

/** A JSON-lines record (Docker json-file `{"log","stream","time"}`, zap, logrus, bunyan, ECS…). */
export function parseJsonLine(line: string): LogRecord | undefined {
  const t = line.trimStart();
  if (!t.startsWith('{')) return undefined;
  let o: unknown;
  try {
    o = JSON.parse(t);
  } catch {
    return undefined;
  }
  if (!o || typeof o !== 'object' || Array.isArray(o)) return undefined;
  return recordFromObject(o as Record<string, unknown>, line);
}

/** A record from a structured log object (a JSON line, an Elasticsearch `_source`). */
export function recordFromObject(obj: Record<string, unknown>, raw: string): LogRecord {
  const msg = pick(obj, MESSAGE_KEYS);
  const message = typeof msg === 'string' ? msg.replace(/\r?\n$/, '') : msg === undefined ? raw : JSON.stringify(msg);
  const rec: LogRecord = { message, raw };
  const ts = parseTime(pick(obj, TIME_KEYS));
  if (ts !== undefined) rec.ts = ts;
  const lvl = pick(obj, LEVEL_KEYS);
  if (typeof lvl === 'string' || typeof lvl === 'number') rec.level = bunyanLevel(lvl);
  const comp = pick(obj, COMPONENT_KEYS);
  if (typeof comp === 'string') rec.component = comp;
  if (obj.stream === 'stdout' || obj.stream === 'stderr') rec.stream = obj.stream;
  return rec;
}

/** Bunyan/pino numeric levels to names; strings pass through. */
function bunyanLevel(l: string | number): string {
  if (typeof l === 'string') return l;
  if (l >= 60) return 'fatal';
  if (l >= 50) return 'error';
  if (l >= 40) return 'warn';
  if (l >= 30) return 'info';
  if (l >= 20) return 'debug';
  if (l >= 10) return 'trace';
  return String(l);
}
