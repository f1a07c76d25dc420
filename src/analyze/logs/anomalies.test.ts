import { describe, it, expect } from 'vitest';
import { LogAnomalyStream, detectLogAnomalies } from './anomaly-stream.js';
import type { LogRecord } from '../../model/telemetry.js';

const HOUR = 3_600_000;

const WEEK = 168 * HOUR;
// Monday 2026-11-02 00:00 UTC
const T0 = Date.UTC(2026, 10, 2);
const ci = 'c1/Deployment/shop/web';
const rec = (ts: number, id: string, extra: Partial<LogRecord> = {}): LogRecord => ({ ts, ci, templateId: id, template: `template ${id} <*>`, message: `template ${id} 42 mail=a.b@example.com`, ...extra });

/** Three weeks of a steady heartbeat, plus `weekly` 10 times each Monday 09:00-10:00. */
function history(weeks: number, mondayWeekly = true): LogRecord[] {
  const out: LogRecord[] = [];
  for (let h = 0; h < weeks * 168; h++) {
    const t = T0 + h * HOUR;
    for (let k = 0; k < 4; k++) out.push(rec(t + k * 900_000, 'heartbeat'));
    if (mondayWeekly && h % 168 === 9) for (let k = 0; k < 10; k++) out.push(rec(t + k * 60_000, 'weekly'));
  }
  return out;
}

describe('detectLogAnomalies', () => {
  it('flags a usual Monday template going missing and a new one appearing instead', () => {
    const recs = history(2);
    const mon3 = T0 + 2 * WEEK + 9 * HOUR;
    for (let k = 0; k < 4; k++) recs.push(rec(mon3 + k * 900_000, 'heartbeat'));
    recs.push(rec(mon3 + 5 * 60_000, 'b-instead'));
    recs.push(rec(mon3 + HOUR - 1, 'heartbeat'));
    const ev = detectLogAnomalies(recs, { since: mon3 });
    const kinds = ev.map((e) => `${e.data.kind}:${(e.data.templates as Array<{ id: string }>)[0].id}`);
    expect(kinds).toContain('missing-template:weekly');
    expect(kinds).toContain('new-template:b-instead');
    expect(kinds.filter((k) => k.includes('heartbeat'))).toEqual([]);
    const missing = ev.find((e) => e.data.kind === 'missing-template')!;
    expect(missing).toMatchObject({ type: 'log-anomaly', ci, severity: 'warning' });
    expect(missing.data.basis).toBe('hour-of-week');
    expect((missing.data.usualSamples as string[])[0]).toBe('template weekly 42 mail=<email>');
    const fresh = ev.find((e) => e.data.kind === 'new-template')!;
    expect((fresh.data.samples as string[])[0]).toContain('<email>'); // redacted
  });
  it('stays quiet when the window looks like its baseline', () => {
    const recs = history(3);
    const since = T0 + 2 * WEEK;
    expect(detectLogAnomalies(recs, { since })).toEqual([]);
  });
  it('finds an error burst, not ordinary error rates', () => {
    const recs = history(1, false);
    for (let h = 0; h < 168; h += 5) recs.push(rec(T0 + h * HOUR, 'err', { level: 'ERROR' }));
    const since = T0 + 167 * HOUR;
    expect(detectLogAnomalies(recs, { since }).filter((e) => e.data.kind === 'error-burst')).toEqual([]);
    for (let k = 0; k < 40; k++) recs.push(rec(since + 10 * 60_000 + k * 1000, 'err', { level: 'ERROR' }));
    const burst = detectLogAnomalies(recs, { since }).filter((e) => e.data.kind === 'error-burst');
    expect(burst).toHaveLength(1);
    expect(burst[0].data.count).toBe(40);
  });
  it('mines a → b within Δt and reports when it breaks', () => {
    const recs: LogRecord[] = [];
    for (let i = 0; i < 20; i++) {
      recs.push(rec(T0 + i * 600_000, 'open'));
      recs.push(rec(T0 + i * 600_000 + 5_000, 'close'));
    }
    const since = T0 + 20 * 600_000;
    const miner = new LogAnomalyStream({ since, sequenceWindowMs: 60_000 });
    for (const r of recs) miner.add(r);
    miner.finish();
    expect(miner.rules(ci).map((r) => `${r.a.id}>${r.b.id}`)).toContain('open>close');
    const ok = [...recs, rec(since, 'open'), rec(since + 5_000, 'close'), rec(since + 120_000, 'tick')];
    expect(detectLogAnomalies(ok, { since }).filter((e) => e.data.kind === 'sequence-break')).toEqual([]);
    const broken = [...recs, rec(since, 'open'), rec(since + 120_000, 'tick')];
    const ev = detectLogAnomalies(broken, { since }).filter((e) => e.data.kind === 'sequence-break');
    expect(ev).toHaveLength(1);
    expect(ev[0].data).toMatchObject({ broken: 1, occurrences: 1, confidence: 1 });
  });
  it('says nothing without timestamps or history', () => {
    expect(detectLogAnomalies([{ message: 'x', templateId: 'a' }])).toEqual([]);
    expect(detectLogAnomalies([rec(T0, 'a'), rec(T0 + 1, 'b')])).toEqual([]);
  });
});

describe('LogAnomalyStream memory bounds', () => {
  it('six weeks, 500k records, ever-new templates: state stays under the caps and a final burst is still found', () => {
    const s = new LogAnomalyStream({ maxSeries: 500, retentionHours: 2 * 168, maxWindowRecords: 5000 });
    const total = 500_000;
    const step = (6 * 168 * HOUR) / total;
    let peak = { series: 0, hourBuckets: 0, pending: 0, windowRecords: 0 };
    const end = T0 + total * step;
    for (let i = 0; i < total; i++) {
      const ts = T0 + i * step;
      const kind = i % 4;
      // a steady pair (open → close), a heartbeat, and a template never seen before
      const id = kind === 0 ? 'open' : kind === 1 ? 'close' : kind === 2 ? 'heartbeat' : `fresh-${i}`;
      s.add(rec(ts, id));
      if (i % 10_000 === 0) {
        const st = s.stats();
        peak = { series: Math.max(peak.series, st.series), hourBuckets: Math.max(peak.hourBuckets, st.hourBuckets), pending: Math.max(peak.pending, st.pending), windowRecords: Math.max(peak.windowRecords, st.windowRecords) };
      }
    }
    for (let k = 0; k < 40; k++) s.add(rec(end + k * 1000, 'err', { level: 'ERROR' }));
    const st = s.stats();
    expect(peak.series).toBeLessThanOrEqual(500);
    expect(peak.hourBuckets).toBeLessThanOrEqual(500 * (2 * 168 + 24 + 1));
    expect(peak.pending).toBeLessThanOrEqual(400);
    expect(peak.windowRecords).toBeLessThanOrEqual(5000 + 1024);
    expect(st.evictedSeries).toBeGreaterThan(100_000);
    expect(st.pairs).toBeLessThanOrEqual(200_000);
    const ev = s.finish();
    expect(ev.filter((e) => e.data.kind === 'error-burst')).toHaveLength(1);
    expect(s.rules(ci).map((r) => `${r.a.id}>${r.b.id}`)).toContain('open>close');
  });
});
