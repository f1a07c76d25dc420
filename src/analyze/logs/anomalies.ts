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
import type { HcEvent } from '../../model/event.js';
import type { LogRecord } from '../../model/telemetry.js';
import type { Severity } from '../../model/finding.js';
import { createRedactor } from '../redact/redact.js';
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
const MINUTE = 60_000;
const WEEK_HOURS = 168;

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

export function detectLogAnomalies(records: LogRecord[], opts: LogAnomalyOptions = {}): HcEvent[] {
  const timed = records.filter((r) => typeof r.ts === 'number' && Number.isFinite(r.ts));
  if (timed.length === 0) return [];
  let maxTs = -Infinity, minTs = Infinity;
  for (const r of timed) {
    if (r.ts! > maxTs) maxTs = r.ts!;
    if (r.ts! < minTs) minTs = r.ts!;
  }
  const since = opts.since ?? maxTs - HOUR + 1;
  const redact = opts.redact ?? createRedactor().redact;
  const nSamples = opts.samples ?? 3;
  const byCi = new Map<string, LogRecord[]>();
  for (const r of timed) {
    const k = r.ci ?? '';
    let a = byCi.get(k);
    if (!a) byCi.set(k, (a = []));
    a.push(r);
  }
  const events: HcEvent[] = [];
  const ctx = { since, minTs, maxTs, redact, nSamples, opts };
  for (const [ci, recs] of byCi) {
    recs.sort((a, b) => a.ts! - b.ts!);
    events.push(...newTemplates(ci, recs, ctx), ...rates(ci, recs, ctx), ...errorBursts(ci, recs, ctx), ...sequences(ci, recs, ctx));
  }
  return events.sort((a, b) => a.time.localeCompare(b.time) || a.id.localeCompare(b.id));
}

interface Ctx {
  since: number;
  minTs: number;
  maxTs: number;
  redact: (s: string) => string;
  nSamples: number;
  opts: LogAnomalyOptions;
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

function samples(recs: LogRecord[], ctx: Ctx): string[] {
  return recs.slice(0, ctx.nSamples).map((r) => ctx.redact(r.raw ?? r.message));
}

function newTemplates(ci: string, recs: LogRecord[], ctx: Ctx): HcEvent[] {
  const seen = new Set<string>(ctx.opts.knownTemplates ?? []);
  const fresh = new Map<string, { t: Tpl; recs: LogRecord[] }>();
  for (const r of recs) {
    const t = tplOf(r);
    if (!t) continue;
    if (r.ts! < ctx.since) seen.add(t.id);
    else if (!seen.has(t.id)) {
      let f = fresh.get(t.id);
      if (!f) fresh.set(t.id, (f = { t, recs: [] }));
      f.recs.push(r);
    }
  }
  // With no history at all every template is new: say nothing rather than everything.
  if (!recs.some((r) => r.ts! < ctx.since) && !ctx.opts.knownTemplates?.size) return [];
  return [...fresh.values()].map(({ t, recs: rs }) =>
    event(ci, 'new-template', rs[0].ts!, rs[rs.length - 1].ts!, rs.some(isError) ? 'warning' : 'info', `New log template${ci ? ` in ${ci}` : ''}: ${t.template}`, t.id, {
      templates: [t],
      count: rs.length,
      samples: samples(rs, ctx),
    }),
  );
}

function rates(ci: string, recs: LogRecord[], ctx: Ctx): HcEvent[] {
  const startHour = Math.floor(ctx.minTs / HOUR);
  const sinceHour = Math.floor(ctx.since / HOUR);
  const endHour = Math.floor(ctx.maxTs / HOUR);
  // Only complete baseline hours before the window; the first (partial) hour is skipped.
  const baseHours: number[] = [];
  for (let h = startHour + 1; h < sinceHour; h++) baseHours.push(h);
  if (baseHours.length < 6) return [];
  const counts = new Map<string, { t: Tpl; byHour: Map<number, number>; recs: Map<number, LogRecord[]>; before: LogRecord[] }>();
  for (const r of recs) {
    const t = tplOf(r);
    if (!t) continue;
    let c = counts.get(t.id);
    if (!c) counts.set(t.id, (c = { t, byHour: new Map(), recs: new Map(), before: [] }));
    const h = Math.floor(r.ts! / HOUR);
    if (h < sinceHour && c.before.length < ctx.nSamples) c.before.push(r);
    c.byHour.set(h, (c.byHour.get(h) ?? 0) + 1);
    if (h >= sinceHour) {
      let l = c.recs.get(h);
      if (!l) c.recs.set(h, (l = []));
      if (l.length < ctx.nSamples) l.push(r);
    }
  }
  const out: HcEvent[] = [];
  for (let h = sinceHour; h <= endHour; h++) {
    // The last hour is usually partial: compare it only when the data runs to its end.
    if ((h + 1) * HOUR - 1 > ctx.maxTs + MINUTE) continue;
    const how = h % WEEK_HOURS; // hour index modulo a week (epoch hours align weeks consistently)
    const hod = h % 24;
    let basis: 'hour-of-week' | 'hour-of-day' | 'all-hours' = 'all-hours';
    let slots = baseHours.filter((b) => b % WEEK_HOURS === how);
    if (slots.length >= 2) basis = 'hour-of-week';
    else {
      slots = baseHours.filter((b) => b % 24 === hod);
      basis = slots.length >= 3 ? 'hour-of-day' : 'all-hours';
      if (basis === 'all-hours') slots = baseHours;
    }
    for (const c of counts.values()) {
      const xs = slots.map((s) => c.byHour.get(s) ?? 0);
      const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
      const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length;
      const obs = c.byHour.get(h) ?? 0;
      const present = xs.filter((x) => x > 0).length / xs.length;
      const scale = Math.sqrt(Math.max(variance, mean, 1));
      const z = (obs - mean) / scale;
      const base = { templates: [c.t], observed: obs, expected: Number(mean.toFixed(2)), z: Number(z.toFixed(2)), basis, baselineHours: xs.length };
      if (obs === 0 && mean >= 3 && present >= 0.8) {
        out.push(event(ci, 'missing-template', h * HOUR, (h + 1) * HOUR - 1, 'warning', `Usual log template missing${ci ? ` in ${ci}` : ''} (expected ${mean.toFixed(1)}/h, ${basis}): ${c.t.template}`, `${c.t.id}:${h}`, { ...base, samples: [], usualSamples: samples(c.before, ctx) }));
      } else if (Math.abs(z) >= 4 && Math.abs(obs - mean) >= 5) {
        out.push(event(ci, 'rate-change', h * HOUR, (h + 1) * HOUR - 1, 'warning', `Log template rate ${obs > mean ? 'up' : 'down'}${ci ? ` in ${ci}` : ''}: ${obs}/h vs ${mean.toFixed(1)}/h (${basis}): ${c.t.template}`, `${c.t.id}:${h}`, { ...base, samples: samples(c.recs.get(h) ?? [], ctx) }));
      }
    }
  }
  return out;
}

function errorBursts(ci: string, recs: LogRecord[], ctx: Ctx): HcEvent[] {
  const base = recs.filter((r) => r.ts! < ctx.since && isError(r)).length;
  const baseMinutes = Math.max(1, (ctx.since - ctx.minTs) / MINUTE);
  const rate = base / baseMinutes;
  const threshold = Math.max(10, rate * 5 + 3 * Math.sqrt(Math.max(rate, 1)));
  const byMin = new Map<number, LogRecord[]>();
  for (const r of recs) {
    if (r.ts! < ctx.since || !isError(r)) continue;
    const m = Math.floor(r.ts! / MINUTE);
    let l = byMin.get(m);
    if (!l) byMin.set(m, (l = []));
    l.push(r);
  }
  // Consecutive burst minutes make one event.
  const out: HcEvent[] = [];
  const mins = [...byMin.keys()].sort((a, b) => a - b);
  let cur: { start: number; end: number; recs: LogRecord[] } | undefined;
  const close = () => {
    if (!cur) return;
    const tpls = new Map<string, Tpl>();
    for (const r of cur.recs) {
      const t = tplOf(r);
      if (t) tpls.set(t.id, t);
    }
    out.push(event(ci, 'error-burst', cur.start * MINUTE, (cur.end + 1) * MINUTE - 1, cur.recs.length >= threshold * 3 ? 'critical' : 'warning', `Error burst${ci ? ` in ${ci}` : ''}: ${cur.recs.length} errors in ${cur.end - cur.start + 1} min (baseline ${rate.toFixed(2)}/min)`, String(cur.start), {
      count: cur.recs.length,
      baselinePerMinute: Number(rate.toFixed(3)),
      threshold: Number(threshold.toFixed(1)),
      templates: [...tpls.values()].slice(0, 10),
      samples: samples(cur.recs, ctx),
    }));
    cur = undefined;
  };
  for (const m of mins) {
    const l = byMin.get(m)!;
    if (l.length < threshold) {
      close();
      continue;
    }
    if (cur && m === cur.end + 1) {
      cur.end = m;
      cur.recs.push(...l);
    } else {
      close();
      cur = { start: m, end: m, recs: [...l] };
    }
  }
  close();
  return out;
}

export interface SequenceRule {
  a: Tpl;
  b: Tpl;
  support: number;
  confidence: number;
  windowMs: number;
}

/** Mines "a is followed by b within Δt" rules from time-sorted records of one CI. */
export function mineSequenceRules(recs: LogRecord[], windowMs = MINUTE, minSupport = 5, minConfidence = 0.9): SequenceRule[] {
  const occ = new Map<string, number>();
  const pair = new Map<string, number>();
  const tpls = new Map<string, Tpl>();
  const last = recs.length ? recs[recs.length - 1].ts! : 0;
  for (let i = 0; i < recs.length; i++) {
    const t = tplOf(recs[i]);
    if (!t) continue;
    const ts = recs[i].ts!;
    if (ts + windowMs > last) break; // the window after it is not complete
    tpls.set(t.id, t);
    occ.set(t.id, (occ.get(t.id) ?? 0) + 1);
    const seen = new Set<string>();
    for (let j = i + 1; j < recs.length && j <= i + 200 && recs[j].ts! - ts <= windowMs; j++) {
      const u = tplOf(recs[j]);
      if (!u || u.id === t.id || seen.has(u.id)) continue;
      seen.add(u.id);
      tpls.set(u.id, u);
      const k = t.id + '\u0000' + u.id;
      pair.set(k, (pair.get(k) ?? 0) + 1);
    }
  }
  const rules: SequenceRule[] = [];
  for (const [k, n] of pair) {
    const [a, b] = k.split('\u0000');
    const na = occ.get(a)!;
    const conf = n / na;
    if (na >= minSupport && conf >= minConfidence) rules.push({ a: tpls.get(a)!, b: tpls.get(b)!, support: n, confidence: conf, windowMs });
  }
  return rules;
}

function sequences(ci: string, recs: LogRecord[], ctx: Ctx): HcEvent[] {
  const windowMs = ctx.opts.sequenceWindowMs ?? MINUTE;
  const baseline = recs.filter((r) => r.ts! < ctx.since);
  const rules = mineSequenceRules(baseline, windowMs, ctx.opts.minSupport ?? 5, ctx.opts.minConfidence ?? 0.9);
  if (!rules.length) return [];
  const cur = recs.filter((r) => r.ts! >= ctx.since);
  const byA = new Map<string, SequenceRule[]>();
  for (const r of rules) {
    let l = byA.get(r.a.id);
    if (!l) byA.set(r.a.id, (l = []));
    l.push(r);
  }
  const stats = new Map<SequenceRule, { occ: number; broken: LogRecord[] }>();
  for (let i = 0; i < cur.length; i++) {
    const t = tplOf(cur[i]);
    const rs = t && byA.get(t.id);
    if (!rs) continue;
    const ts = cur[i].ts!;
    if (ts + windowMs > ctx.maxTs) continue; // cannot judge yet
    for (const rule of rs) {
      let found = false;
      for (let j = i + 1; j < cur.length && cur[j].ts! - ts <= windowMs; j++) {
        if (cur[j].templateId === rule.b.id) {
          found = true;
          break;
        }
      }
      let s = stats.get(rule);
      if (!s) stats.set(rule, (s = { occ: 0, broken: [] }));
      s.occ++;
      if (!found) s.broken.push(cur[i]);
    }
  }
  const out: HcEvent[] = [];
  for (const [rule, s] of stats) {
    if (!s.broken.length) continue;
    const brokenRate = s.broken.length / s.occ;
    if (brokenRate <= 1 - rule.confidence + 0.1) continue;
    const first = s.broken[0].ts!;
    out.push(event(ci, 'sequence-break', first, s.broken[s.broken.length - 1].ts!, 'warning', `Log sequence broken${ci ? ` in ${ci}` : ''}: "${rule.a.template}" not followed by "${rule.b.template}" within ${windowMs / 1000}s (${s.broken.length}/${s.occ}; usual confidence ${rule.confidence.toFixed(2)})`, `${rule.a.id}>${rule.b.id}`, {
      templates: [rule.a, rule.b],
      support: rule.support,
      confidence: Number(rule.confidence.toFixed(3)),
      windowMs,
      occurrences: s.occ,
      broken: s.broken.length,
      samples: samples(s.broken, ctx),
    }));
  }
  return out;
}
