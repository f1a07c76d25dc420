import { describe, it, expect } from 'vitest';
import { eventCooccurrence } from './events.js';
import { aggregate } from './correlate.js';
import type { HcEvent } from '../../model/event.js';
import { mulberry32 } from '../random.js';

const T0 = Date.UTC(2026, 10, 1);
let seq = 0;
const ev = (ci: string, tMs: number, type: HcEvent['type'] = 'metric-anomaly'): HcEvent => ({ id: `e${seq++}`, type, time: new Date(tMs).toISOString(), ci, severity: 'warning', title: 'x', data: {} });

describe('eventCooccurrence', () => {
  const u = mulberry32(3);
  const events: HcEvent[] = [];
  // a's anomalies are followed 60 s later by b's log-template anomalies; c fires at random.
  for (let k = 0; k < 12; k++) {
    const t = T0 + k * 7_200_000 + Math.round(u() * 600_000);
    events.push(ev('a', t), ev('b', t + 60_000, 'log-anomaly'));
  }
  for (let k = 0; k < 12; k++) events.push(ev('c', T0 + Math.round(u() * 24 * 3_600_000)));

  it('links the pair that keeps firing together, with support, confidence and direction', () => {
    const r = eventCooccurrence(events, { windowSeconds: 300 });
    expect(r.tested).toBe(3);
    expect(r.pairs).toHaveLength(1);
    expect(r.pairs[0]).toMatchObject({ from: 'a', to: 'b', support: 12, confidence: 1, directed: true, lagSeconds: 60 });
    expect(r.pairs[0].lift).toBeGreaterThan(5);
    expect(r.pairs[0].q).toBeLessThan(0.05);
  });

  it('does not link CIs whose events only meet by chance', () => {
    const rand = eventCooccurrence(events.filter((e) => e.ci !== 'b'), { windowSeconds: 300 });
    expect(rand.pairs).toEqual([]);
  });

  it('ignores event types that are not anomalies', () => {
    expect(eventCooccurrence(events.map((e) => ({ ...e, type: 'config-change' as const }))).pairs).toEqual([]);
  });

  it('becomes a relation, alone or on top of a metric relation', () => {
    const pairs = eventCooccurrence(events, { windowSeconds: 300 }).pairs;
    const only = aggregate([], pairs, 'spearman');
    expect(only[0]).toMatchObject({ from: 'a', to: 'b', type: 'connects-to', source: 'inferred', confidence: 1 });
    expect(only[0].evidence).toMatchObject({ method: 'event-cooccurrence', n: 12, lag_seconds: 60 });
    const both = aggregate(
      [{ from: { ci: 'b', metric: 'm' }, to: { ci: 'a', metric: 'm' }, r: 0.4, lag_seconds: 0, directed: false, p: 1e-9, q: 1e-8, n: 500, n_eff: 480 }],
      pairs,
      'spearman',
    );
    expect(both).toHaveLength(1);
    expect(both[0]).toMatchObject({ from: 'a', to: 'b', type: 'connects-to' });
    expect(both[0].evidence).toHaveProperty('events.support', 12);
  });
});
