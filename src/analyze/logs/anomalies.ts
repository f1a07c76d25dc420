// Log anomalies → events, as pure functions over mined, timestamped LogRecords.
//
// The records are split into a baseline (before `since`) and the window under test (from
// `since`). Per CI:
//  - new-template: a template in the window that the baseline (and `knownTemplates`) never had;
//  - rate-change / missing-template: a template's hourly count leaves its seasonal baseline —
//    the same hour of the week when the history has two or more of them, else the same hour of
//    the day, else all hours (the event says which);
//  - error-burst: error/fatal records per minute far above the baseline's per-minute rate;
//  - sequence-break: a rule "a is followed by b within Δt", mined from the baseline with its
//    support and confidence, that the window breaks more often than its confidence allows.
// Sample lines in events are redacted.
//
// This module is the shared vocabulary (options, kinds, the event builder); the detection itself is
// LogAnomalyStream (anomaly-stream.ts), bounded in memory, with detectLogAnomalies() as its batch form.
import type { HcEvent } from '../../model/event.js';
import type { LogRecord } from '../../model/telemetry.js';
import type { Severity } from '../../model/finding.js';
import { hash53 } from './miner.js';
import { levelSeverity } from './tag.js';

export interface LogAnomalyOptions {
  /** Start of the window under test (ms). Default: one hour before the last timestamp. */
  since?: number;
  /** Templates (by id) known from earlier runs: not "new" even if absent from the baseline. */
  knownTemplates?: Set<string>;
  /** Δt for sequence rules (ms), default 60 s. */
  sequenceWindowMs?: number;
  /** Minimum baseline occurrences of `a` and confidence of a sequence rule. Defaults 5 and 0.9. */
  minSupport?: number;
  minConfidence?: number;
  /** Redacts sample lines (default: the standard redactor). */
  redact?: (line: string) => string;
  /** Samples per event (default 3). */
  samples?: number;
}

export type LogAnomalyKind = 'new-template' | 'rate-change' | 'missing-template' | 'error-burst' | 'sequence-break';

const HOUR = 3_600_000;

export interface Tpl {
  id: string;
  template: string;
}

export function tplOf(r: LogRecord): Tpl | undefined {
  return r.templateId ? { id: r.templateId, template: r.template ?? r.templateId } : undefined;
}

export function isError(r: LogRecord): boolean {
  const s = levelSeverity(r.level);
  if (s) return s === 'error' || s === 'fatal';
  return (r.tags ?? []).some((t) => t === 'severity:error' || t === 'severity:fatal');
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** Hour of the week, Monday 00:00 UTC = 0. */
export function hourOfWeek(ms: number): number {
  const d = new Date(ms);
  return ((d.getUTCDay() + 6) % 7) * 24 + d.getUTCHours();
}

export function event(ci: string, kind: LogAnomalyKind, start: number, end: number, severity: Severity, title: string, key: string, data: Record<string, unknown>): HcEvent {
  const dedupKey = `log-anomaly:${kind}:${ci}:${key}`;
  return {
    id: 'la-' + hash53(`${dedupKey}@${start}`),
    type: 'log-anomaly',
    time: iso(start),
    end: iso(end),
    ...(ci ? { ci } : {}),
    severity,
    title,
    dedupKey,
    data: { kind, ...data },
  };
}

export interface SequenceRule {
  a: Tpl;
  b: Tpl;
  support: number;
  confidence: number;
  windowMs: number;
}
