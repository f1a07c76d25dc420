import { describe, expect, it } from 'vitest';
import { parseCron, prevFire, prevFires } from './cron-schedule.js';

const at = (iso: string) => Date.parse(iso);
const iso = (t: number | undefined) => (t === undefined ? undefined : new Date(t).toISOString().slice(0, 16));

describe('cron-schedule', () => {
  it('parses fields, names, steps and macros', () => {
    const c = parseCron('*/15 3-5 * * MON-FRI')!;
    expect([...c.minute]).toEqual([0, 15, 30, 45]);
    expect([...c.hour]).toEqual([3, 4, 5]);
    expect([...c.dow]).toEqual([1, 2, 3, 4, 5]);
    expect(parseCron('@daily')).toMatchObject({ minute: new Set([0]), hour: new Set([0]) });
    expect([...parseCron('0 0 * JAN,jul 7')!.dow]).toEqual([0]);
    expect([...parseCron('5/20 * * * *')!.minute]).toEqual([5, 25, 45]);
    expect(parseCron('CRON_TZ=Europe/Berlin 0 3 * * *')).toMatchObject({ zoned: true });
    expect(parseCron('@every 1h30m')?.everyMs).toBe(5_400_000);
  });
  it('rejects what is not a schedule', () => {
    for (const s of ['0 3 * *', '61 * * * *', '* * * * FOO', '5-1 * * * *', '*/0 * * * *', '@every soon', 42]) expect(parseCron(s)).toBeUndefined();
  });
  it('finds the previous fire times', () => {
    expect(iso(prevFire(parseCron('0 * * * *')!, at('2026-11-22T07:30:00Z')))).toBe('2026-11-22T07:00');
    expect(iso(prevFire(parseCron('0 * * * *')!, at('2026-11-22T07:00:00Z')))).toBe('2026-11-22T06:00'); // strictly before
    expect(iso(prevFire(parseCron('30 2 * * *')!, at('2026-11-22T01:00:00Z')))).toBe('2026-11-21T02:30');
    expect(iso(prevFire(parseCron('0 9 * * MON-FRI')!, at('2026-11-22T12:00:00Z')))).toBe('2026-11-20T09:00'); // Sunday → Friday
    expect(iso(prevFire(parseCron('@monthly')!, at('2026-03-15T00:00:00Z')))).toBe('2026-03-01T00:00');
    expect(iso(prevFire(parseCron('0 0 29 2 *')!, at('2026-11-22T00:00:00Z')))).toBe('2024-02-29T00:00');
    expect(prevFire(parseCron('0 0 30 2 *')!, at('2026-11-22T00:00:00Z'))).toBeUndefined();
  });
  it('ORs day-of-month and day-of-week when both are restricted', () => {
    // 1st of the month or Mondays: before Tue 2026-11-03 the latest is Mon 2026-11-02.
    expect(iso(prevFire(parseCron('0 0 1 * MON')!, at('2026-11-03T12:00:00Z')))).toBe('2026-11-02T00:00');
    expect(prevFires(parseCron('0 0 1 * MON')!, at('2026-11-03T12:00:00Z'), 3).map(iso)).toEqual(['2026-11-02T00:00', '2026-11-01T00:00', '2026-10-26T00:00']);
  });
  it('steps @every back by its interval', () => {
    expect(prevFires(parseCron('@every 10m')!, at('2026-11-22T07:30:00Z'), 3).map(iso)).toEqual(['2026-11-22T07:20', '2026-11-22T07:10', '2026-11-22T07:00']);
  });
});
