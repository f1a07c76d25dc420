// Tagging: stream, severity (from the level field, else from the wording), stack traces folded
// into the record that threw, and error codes from a pluggable matcher (the knowledge base).
import type { LogRecord } from '../../model/telemetry.js';

export type Severity = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

/** Finds known error codes in a line; the knowledge base (src/knowledge) supplies one. */
export type ErrorCodeMatcher = (line: string) => Array<{ code: string; kbId?: string }>;

const LEVELS: Record<string, Severity> = {
  fatal: 'fatal', panic: 'fatal', emerg: 'fatal', emergency: 'fatal', alert: 'fatal', crit: 'fatal', critical: 'fatal', severe: 'error',
  error: 'error', err: 'error', e: 'error',
  warn: 'warn', warning: 'warn', w: 'warn',
  info: 'info', notice: 'info', i: 'info', information: 'info',
  debug: 'debug', d: 'debug', fine: 'debug', config: 'debug',
  trace: 'trace', finer: 'trace', finest: 'trace', v: 'trace', verbose: 'trace',
};

/** Severity of a level field (`ERROR`, `W`, `warning`, syslog numbers 0-7), or undefined. */
export function levelSeverity(level: string | undefined): Severity | undefined {
  if (!level) return undefined;
  const l = level.trim().toLowerCase();
  if (/^[0-7]$/.test(l)) return (['fatal', 'fatal', 'fatal', 'error', 'warn', 'info', 'info', 'debug'] as Severity[])[Number(l)];
  return LEVELS[l];
}

const FATAL_WORDS = /\b(fatal|panic(?:ked)?|out of memory|OOMKilled|segmentation fault|core dumped)\b/i;
const ERROR_WORDS = /\b(error|errors|exception|traceback|failed|failure|refused|denied|unreachable|timed out|timeout)\b|[a-z](?:Exception|Error)\b/i;
const WARN_WORDS = /\b(warn|warning|deprecated|retry(?:ing)?|slow)\b/i;

/** Severity from the wording of a message. */
export function wordingSeverity(message: string): Severity | undefined {
  if (FATAL_WORDS.test(message)) return 'fatal';
  if (ERROR_WORDS.test(message)) return 'error';
  if (WARN_WORDS.test(message)) return 'warn';
  return undefined;
}

/** Tags one record: stream, severity (`level` filled when missing), error codes. Returns a new record. */
export function tagRecord(rec: LogRecord, matcher?: ErrorCodeMatcher): LogRecord {
  const tags = new Set(rec.tags ?? []);
  if (rec.stream) tags.add(rec.stream);
  const fromLevel = levelSeverity(rec.level);
  const sev = fromLevel ?? wordingSeverity(rec.message);
  if (sev) tags.add(`severity:${sev}`);
  if (!fromLevel && sev) tags.add('severity-from-wording');
  if (matcher) {
    for (const m of matcher(rec.message)) {
      tags.add(`error-code:${m.code}`);
      if (m.kbId) tags.add(`kb:${m.kbId}`);
    }
  }
  return { ...rec, level: rec.level ?? sev, tags: [...tags] };
}

/**
 * tagRecord on the record itself (no copy): for callers that own the record and print it once.
 * Same tags, same filled-in level.
 */
export function tagInPlace(rec: LogRecord, matcher?: ErrorCodeMatcher): LogRecord {
  const fromLevel = levelSeverity(rec.level);
  const sev = fromLevel ?? wordingSeverity(rec.message);
  const tags = rec.tags ? [...rec.tags] : [];
  const add = (t: string) => {
    if (!tags.includes(t)) tags.push(t);
  };
  if (rec.stream) add(rec.stream);
  if (sev) add(`severity:${sev}`);
  if (!fromLevel && sev) add('severity-from-wording');
  if (matcher) {
    for (const m of matcher(rec.message)) {
      add(`error-code:${m.code}`);
      if (m.kbId) add(`kb:${m.kbId}`);
    }
  }
  if (rec.level === undefined && sev) rec.level = sev;
  rec.tags = tags;
  return rec;
}

/** Whether a line continues the previous record's stack trace. */
export function isContinuation(line: string, inPythonTrace: boolean): boolean {
  if (/^\s+at\s+\S/.test(line)) return true; // Java / JS frames
  if (/^Caused by:\s/.test(line) || /^\s*Suppressed:\s/.test(line)) return true;
  if (/^\s*\.\.\.\s\d+\s(more|common frames omitted)/.test(line)) return true;
  if (/^\s+File ".*", line \d+/.test(line)) return true; // Python frames
  if (inPythonTrace) {
    if (/^\s{2,}\S/.test(line)) return true; // source line under a frame
    if (/^[A-Za-z_][\w.]*(Error|Exception|Exit|Interrupt|Warning)\b(:.*)?$/.test(line)) return true; // the final line
    if (/^(During handling of the above exception|The above exception was the direct cause)/.test(line)) return true;
    if (/^\s*$/.test(line)) return true;
    if (/^Traceback \(most recent call last\):/.test(line)) return true;
  }
  return false;
}

/**
 * Folds stack traces into the record they belong to (streaming: push records, take completed
 * ones). A Java trace is the `Exception: msg` line plus `at ...`/`Caused by:`/`... n more`; a
 * Python one starts at `Traceback (most recent call last):` and ends at the exception line.
 */
export class StackFolder {
  private pending: LogRecord | undefined;
  private lines: string[] = [];
  private python = false;
  private pythonDone = false;

  /** Adds a record; returns the records completed by it (0 or 1). */
  push(rec: LogRecord): LogRecord[] {
    const m = rec.message;
    if (this.pending && (rec.stream ?? '') === (this.pending.stream ?? '') && !this.pythonDone && isContinuation(m, this.python)) {
      this.lines.push(m);
      if (this.python && /^[A-Za-z_][\w.]*(Error|Exception|Exit|Interrupt|Warning)\b/.test(m)) this.pythonDone = true;
      return [];
    }
    const out = this.flush();
    this.pending = rec;
    this.lines = [m];
    this.python = /Traceback \(most recent call last\):\s*$/.test(m);
    this.pythonDone = false;
    return out;
  }

  /** Emits the record in progress. */
  flush(): LogRecord[] {
    if (!this.pending) return [];
    let r = this.pending;
    if (this.lines.length > 1) {
      const tags = new Set(r.tags ?? []);
      tags.add('stacktrace');
      r = { ...r, message: this.lines.join('\n'), tags: [...tags] };
      if (!r.level) r.level = 'error';
    }
    this.pending = undefined;
    this.lines = [];
    return [r];
  }
}

/** Folds a whole array (pure wrapper over StackFolder). */
export function foldStackTraces(records: LogRecord[]): LogRecord[] {
  const f = new StackFolder();
  const out: LogRecord[] = [];
  for (const r of records) out.push(...f.push(r));
  out.push(...f.flush());
  return out;
}
