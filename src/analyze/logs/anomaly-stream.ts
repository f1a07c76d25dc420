// Log anomalies over an unending stream with bounded memory: the same detections and events as
// detectLogAnomalies (anomalies.ts), but records are folded into per-template summaries as
// they age instead of being kept.
//
// Kept per CI: for each template an hourly count map (pruned to `retentionHours`), its first
// samples and last-seen time (at most `maxSeries` templates over all CIs, least recently seen
// evicted); the baseline error count; sequence-mining state (pair counts, plus the records of the
// last Δt still collecting followers, at most PENDING_MAX). Kept in full: only the records that
// may still fall in the window under test — from `since` when it is given, else the last hour
// (plus Δt) of the data — at most `maxWindowRecords` (beyond that the oldest are folded into the
// baseline). With the limits above the data (the tests' inputs), results equal
// detectLogAnomalies exactly.
import type { HcEvent } from '../../model/event.js';
import type { LogRecord } from '../../model/telemetry.js';
import { createRedactor } from '../redact/redact.js';
import { event, isError, tplOf, type LogAnomalyOptions, type SequenceRule, type Tpl } from './anomalies.js';

const HOUR = 3_600_000;
const MINUTE = 60_000;
const WEEK_HOURS = 168;
/** Baseline records still collecting followers per CI (a rule looks at most 200 records ahead). */
const PENDING_MAX = 400;
/** Pair counts kept per CI. */
const PAIRS_MAX = 200_000;

/** A copy of a string that shares no storage with a larger parent string. */
function own(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

export interface LogAnomalyStreamOptions extends LogAnomalyOptions {
  /** Hours of hourly counts kept per template (default 5 weeks: hour-of-week needs two). */
  retentionHours?: number;
  /** Templates (over all CIs) with state kept, default 20,000; the least recently seen go first. */
  maxSeries?: number;
  /** Records of the window under test kept in full, default 200,000. */
  maxWindowRecords?: number;
}

interface Series {
  t: Tpl;
  hours: Map<number, number>;
  /** First records (samples for "usual" lines). */
  first: LogRecord[];
  last: number;
}

interface Pending {
  id: string;
  t: Tpl;
  ts: number;
  left: number;
  followers: Set<string>;
  followerTpl: Tpl[];
}

interface CiState {
  series: Map<string, Series>;
  baseTemplates: Set<string>;
  hasBaseline: boolean;
  baseErrors: number;
  pending: Pending[];
  occ: Map<string, number>;
  pair: Map<string, number>;
  tpls: Map<string, Tpl>;
  lastBaseTs: number;
}

export interface LogAnomalyStreamStats {
  cis: number;
  series: number;
  hourBuckets: number;
  pending: number;
  pairs: number;
  windowRecords: number;
  evictedSeries: number;
}

export class LogAnomalyStream {
  private readonly cis = new Map<string, CiState>();
  /** Records not yet folded into the baseline, sorted by time. */
  private tail: LogRecord[] = [];
  private minTs = Infinity;
  private maxTs = -Infinity;
  private readonly windowMs: number;
  private readonly retention: number;
  private readonly maxSeries: number;
  private readonly maxWindow: number;
  private seriesCount = 0;
  private evictedSeries = 0;
  private unchecked = 0;

  constructor(private readonly opts: LogAnomalyStreamOptions = {}) {
    this.windowMs = opts.sequenceWindowMs ?? MINUTE;
    this.retention = opts.retentionHours ?? 5 * WEEK_HOURS;
    this.maxSeries = opts.maxSeries ?? 20_000;
    this.maxWindow = opts.maxWindowRecords ?? 200_000;
  }

  /** Adds one mined record (templateId set); records without a time are ignored. */
  add(r: LogRecord): void {
    if (typeof r.ts !== 'number' || !Number.isFinite(r.ts)) return;
    if (r.ts < this.minTs) this.minTs = r.ts;
    if (r.ts > this.maxTs) this.maxTs = r.ts;
    // Kept records must not pin the large read buffers their text may be slices of.
    const m = r.message;
    r.message = own(m);
    if (r.raw !== undefined) r.raw = r.raw === m ? r.message : own(r.raw);
    // Insert keeping time order (stable: after equal times); input is usually in order.
    let k = this.tail.length;
    while (k > 0 && this.tail[k - 1].ts! > r.ts) k--;
    if (k === this.tail.length) this.tail.push(r);
    else this.tail.splice(k, 0, r);
    this.count(r);
    // Now and then, fold what can no longer be in the window. Whole hours only: the window's
    // first hour also reports samples of the records just before `since`.
    if (++this.unchecked < 1024 && this.tail.length <= this.maxWindow) return;
    this.unchecked = 0;
    const horizon = Math.floor((this.opts.since ?? this.maxTs - HOUR - this.windowMs) / HOUR) * HOUR;
    let n = 0;
    while (n < this.tail.length && (this.tail[n].ts! < horizon || this.tail.length - n > this.maxWindow)) n++;
    if (n > 0) this.fold(n);
  }

  private fold(n: number): void {
    const out = this.tail.slice(0, n);
    this.tail = this.tail.slice(n);
    for (const r of out) this.baseline(r);
  }

  private ci(r: LogRecord): CiState {
    const k = r.ci ?? '';
    let c = this.cis.get(k);
    if (!c) this.cis.set(k, (c = { series: new Map(), baseTemplates: new Set(), hasBaseline: false, baseErrors: 0, pending: [], occ: new Map(), pair: new Map(), tpls: new Map(), lastBaseTs: -Infinity }));
    return c;
  }

  /** Hourly counts and first samples, for every record (baseline and window alike). */
  private count(r: LogRecord): void {
    const t = tplOf(r);
    if (!t) return;
    const c = this.ci(r);
    let s = c.series.get(t.id);
    if (!s) {
      c.series.set(t.id, (s = { t, hours: new Map(), first: [], last: r.ts! }));
      if (++this.seriesCount > this.maxSeries) this.evictSeries();
    }
    const h = Math.floor(r.ts! / HOUR);
    s.hours.set(h, (s.hours.get(h) ?? 0) + 1);
    if (s.first.length < (this.opts.samples ?? 3)) s.first.push(r);
    if (r.ts! > s.last) s.last = r.ts!;
    if (s.hours.size > this.retention + 24) {
      const oldest = Math.floor(this.maxTs / HOUR) - this.retention;
      for (const k of s.hours.keys()) if (k < oldest) s.hours.delete(k);
    }
  }

  /** Drops the least recently seen tenth of the templates' state. */
  private evictSeries(): void {
    const all: Array<{ c: CiState; id: string; last: number }> = [];
    for (const c of this.cis.values()) for (const [id, s] of c.series) all.push({ c, id, last: s.last });
    all.sort((a, b) => a.last - b.last);
    const k = Math.max(1, Math.floor(all.length / 10));
    for (const x of all.slice(0, k)) {
      x.c.series.delete(x.id);
      this.seriesCount--;
      this.evictedSeries++;
    }
  }

  /** A record that is baseline for sure: new-template set, error count, sequence mining. */
  private baseline(r: LogRecord): void {
    const c = this.ci(r);
    c.hasBaseline = true;
    if (isError(r)) c.baseErrors++;
    const t = tplOf(r);
    const ts = r.ts!;
    c.lastBaseTs = ts;
    // Earlier records collect this one as a follower (within Δt, at most 200 records ahead).
    for (const p of c.pending) {
      if (p.left > 0 && ts - p.ts <= this.windowMs) {
        p.left--;
        if (t && t.id !== p.id && !p.followers.has(t.id)) {
          p.followers.add(t.id);
          p.followerTpl.push(t);
        }
      } else p.left = 0;
    }
    // A record whose Δt has passed is complete: count it.
    let done = 0;
    while (done < c.pending.length && (c.pending[done].ts + this.windowMs < ts || c.pending.length - done >= PENDING_MAX)) this.settle(c, c.pending[done++]);
    if (done) c.pending = c.pending.slice(done);
    if (!t) return;
    c.baseTemplates.add(t.id);
    c.pending.push({ id: t.id, t, ts, left: 200, followers: new Set(), followerTpl: [] });
  }

  private settle(c: CiState, p: Pending): void {
    c.tpls.set(p.id, p.t);
    c.occ.set(p.id, (c.occ.get(p.id) ?? 0) + 1);
    for (const u of p.followerTpl) {
      const k = p.id + '\u0000' + u.id;
      const n = c.pair.get(k);
      if (n !== undefined) c.pair.set(k, n + 1);
      else if (c.pair.size < PAIRS_MAX) c.pair.set(k, 1);
      c.tpls.set(u.id, u);
    }
  }

  stats(): LogAnomalyStreamStats {
    let hourBuckets = 0, pending = 0, pairs = 0;
    for (const c of this.cis.values()) {
      for (const s of c.series.values()) hourBuckets += s.hours.size;
      pending += c.pending.length;
      pairs += c.pair.size;
    }
    return { cis: this.cis.size, series: this.seriesCount, hourBuckets, pending, pairs, windowRecords: this.tail.length, evictedSeries: this.evictedSeries };
  }

  /** The events for the data seen so far (the window: `since`, else the last hour). */
  finish(): HcEvent[] {
    if (this.maxTs === -Infinity) return [];
    const since = this.opts.since ?? this.maxTs - HOUR + 1;
    const redact = this.opts.redact ?? createRedactor().redact;
    const nSamples = this.opts.samples ?? 3;
    // Samples per template and window hour, taken before the records just before `since` fold.
    const sinceHour = Math.floor(since / HOUR);
    const hourSamples = new Map<string, Map<number, LogRecord[]>>();
    for (const r of this.tail) {
      const t = tplOf(r);
      const h = Math.floor(r.ts! / HOUR);
      if (!t || h < sinceHour) continue;
      const key = (r.ci ?? '') + '\u0000' + t.id;
      let m = hourSamples.get(key);
      if (!m) hourSamples.set(key, (m = new Map()));
      let l = m.get(h);
      if (!l) m.set(h, (l = []));
      if (l.length < nSamples) l.push(r);
    }
    let n = 0;
    while (n < this.tail.length && this.tail[n].ts! < since) n++;
    this.fold(n);
    const ctx = { since, minTs: this.minTs, maxTs: this.maxTs, redact, nSamples, hourSamples };
    const windowByCi = new Map<string, LogRecord[]>();
    for (const r of this.tail) {
      const k = r.ci ?? '';
      let a = windowByCi.get(k);
      if (!a) windowByCi.set(k, (a = []));
      a.push(r);
    }
    const events: HcEvent[] = [];
    for (const [ci, c] of this.cis) {
      const win = windowByCi.get(ci) ?? [];
      events.push(...this.newTemplates(ci, c, win, ctx), ...this.rates(ci, c, ctx), ...this.errorBursts(ci, c, win, ctx), ...this.sequences(ci, c, win, ctx));
    }
    return events.sort((a, b) => a.time.localeCompare(b.time) || a.id.localeCompare(b.id));
  }

  private samples(recs: LogRecord[], ctx: FinishCtx): string[] {
    return recs.slice(0, ctx.nSamples).map((r) => ctx.redact(r.raw ?? r.message));
  }

  private newTemplates(ci: string, c: CiState, win: LogRecord[], ctx: FinishCtx): HcEvent[] {
    if (!c.hasBaseline && !this.opts.knownTemplates?.size) return [];
    const seen = new Set<string>([...(this.opts.knownTemplates ?? []), ...c.baseTemplates]);
    const fresh = new Map<string, { t: Tpl; recs: LogRecord[] }>();
    for (const r of win) {
      const t = tplOf(r);
      if (!t || seen.has(t.id)) continue;
      let f = fresh.get(t.id);
      if (!f) fresh.set(t.id, (f = { t, recs: [] }));
      f.recs.push(r);
    }
    return [...fresh.values()].map(({ t, recs: rs }) =>
      event(ci, 'new-template', rs[0].ts!, rs[rs.length - 1].ts!, rs.some(isError) ? 'warning' : 'info', `New log template${ci ? ` in ${ci}` : ''}: ${t.template}`, t.id, {
        templates: [t],
        count: rs.length,
        samples: this.samples(rs, ctx),
      }),
    );
  }

  private rates(ci: string, c: CiState, ctx: FinishCtx): HcEvent[] {
    const startHour = Math.floor(ctx.minTs / HOUR);
    const sinceHour = Math.floor(ctx.since / HOUR);
    const endHour = Math.floor(ctx.maxTs / HOUR);
    const baseHours: number[] = [];
    for (let h = Math.max(startHour + 1, endHour - this.retention); h < sinceHour; h++) baseHours.push(h);
    if (baseHours.length < 6) return [];
    const out: HcEvent[] = [];
    for (let h = sinceHour; h <= endHour; h++) {
      if ((h + 1) * HOUR - 1 > ctx.maxTs + MINUTE) continue;
      const how = h % WEEK_HOURS;
      const hod = h % 24;
      let basis: 'hour-of-week' | 'hour-of-day' | 'all-hours' = 'all-hours';
      let slots = baseHours.filter((b) => b % WEEK_HOURS === how);
      if (slots.length >= 2) basis = 'hour-of-week';
      else {
        slots = baseHours.filter((b) => b % 24 === hod);
        basis = slots.length >= 3 ? 'hour-of-day' : 'all-hours';
        if (basis === 'all-hours') slots = baseHours;
      }
      for (const s of c.series.values()) {
        const xs = slots.map((b) => s.hours.get(b) ?? 0);
        const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
        const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length;
        const obs = s.hours.get(h) ?? 0;
        const present = xs.filter((x) => x > 0).length / xs.length;
        const scale = Math.sqrt(Math.max(variance, mean, 1));
        const z = (obs - mean) / scale;
        const base = { templates: [s.t], observed: obs, expected: Number(mean.toFixed(2)), z: Number(z.toFixed(2)), basis, baselineHours: xs.length };
        if (obs === 0 && mean >= 3 && present >= 0.8) {
          const usual = s.first.filter((r) => Math.floor(r.ts! / HOUR) < sinceHour);
          out.push(event(ci, 'missing-template', h * HOUR, (h + 1) * HOUR - 1, 'warning', `Usual log template missing${ci ? ` in ${ci}` : ''} (expected ${mean.toFixed(1)}/h, ${basis}): ${s.t.template}`, `${s.t.id}:${h}`, { ...base, samples: [], usualSamples: this.samples(usual, ctx) }));
        } else if (Math.abs(z) >= 4 && Math.abs(obs - mean) >= 5) {
          out.push(event(ci, 'rate-change', h * HOUR, (h + 1) * HOUR - 1, 'warning', `Log template rate ${obs > mean ? 'up' : 'down'}${ci ? ` in ${ci}` : ''}: ${obs}/h vs ${mean.toFixed(1)}/h (${basis}): ${s.t.template}`, `${s.t.id}:${h}`, { ...base, samples: this.samples(ctx.hourSamples.get(ci + '\u0000' + s.t.id)?.get(h) ?? [], ctx) }));
        }
      }
    }
    return out;
  }

  private errorBursts(ci: string, c: CiState, win: LogRecord[], ctx: FinishCtx): HcEvent[] {
    const baseMinutes = Math.max(1, (ctx.since - ctx.minTs) / MINUTE);
    const rate = c.baseErrors / baseMinutes;
    const threshold = Math.max(10, rate * 5 + 3 * Math.sqrt(Math.max(rate, 1)));
    const byMin = new Map<number, LogRecord[]>();
    for (const r of win) {
      if (!isError(r)) continue;
      const m = Math.floor(r.ts! / MINUTE);
      let l = byMin.get(m);
      if (!l) byMin.set(m, (l = []));
      l.push(r);
    }
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
        samples: this.samples(cur.recs, ctx),
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

  /** Rules from the settled baseline records (plus those whose Δt ends before the baseline does). */
  rules(ci = ''): SequenceRule[] {
    const c = this.cis.get(ci);
    if (!c) return [];
    const occ = new Map(c.occ);
    const pair = new Map(c.pair);
    const tpls = new Map(c.tpls);
    for (const p of c.pending) {
      if (p.ts + this.windowMs > c.lastBaseTs) break; // the window after it is not complete
      tpls.set(p.id, p.t);
      occ.set(p.id, (occ.get(p.id) ?? 0) + 1);
      for (const u of p.followerTpl) {
        const k = p.id + '\u0000' + u.id;
        pair.set(k, (pair.get(k) ?? 0) + 1);
        tpls.set(u.id, u);
      }
    }
    const minSupport = this.opts.minSupport ?? 5, minConfidence = this.opts.minConfidence ?? 0.9;
    const rules: SequenceRule[] = [];
    for (const [k, n] of pair) {
      const [a, b] = k.split('\u0000');
      const na = occ.get(a)!;
      const conf = n / na;
      if (na >= minSupport && conf >= minConfidence) rules.push({ a: tpls.get(a)!, b: tpls.get(b)!, support: n, confidence: conf, windowMs: this.windowMs });
    }
    return rules;
  }

  private sequences(ci: string, _c: CiState, cur: LogRecord[], ctx: FinishCtx): HcEvent[] {
    const windowMs = this.windowMs;
    const rules = this.rules(ci);
    if (!rules.length) return [];
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
      if (ts + windowMs > ctx.maxTs) continue;
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
        samples: this.samples(s.broken, ctx),
      }));
    }
    return out;
  }
}

interface FinishCtx {
  since: number;
  minTs: number;
  maxTs: number;
  redact: (s: string) => string;
  nSamples: number;
  hourSamples: Map<string, Map<number, LogRecord[]>>;
}

/** The batch form: every record at once (any order), the events of the window under test. */
export function detectLogAnomalies(records: LogRecord[], opts: LogAnomalyOptions = {}): HcEvent[] {
  const s = new LogAnomalyStream(opts);
  for (const r of [...records].sort((a, b) => (a.ts ?? 0) - (b.ts ?? 0))) s.add(r);
  return s.finish();
}
