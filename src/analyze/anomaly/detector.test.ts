import { describe, it, expect } from 'vitest';
import { scoreSeries } from './detector.js';
import { findAnomalies } from './episodes.js';
import { counterToRate } from './prep.js';
import { rng, gauss, poisson, series, T0, MIN5, HOUR } from './__fixtures__/synth.js';

function anomalies(ts: ArrayLike<number>, vs: ArrayLike<number>, opts = {}, threshold = 0.999) {
  const r = scoreSeries(ts, vs, opts, true);
  return { r, found: findAnomalies(ts, vs, r.scores, r.explanation!, { threshold }) };
}

const daily = (t: number) => 10 * Math.sin((2 * Math.PI * (t % 86_400_000)) / 86_400_000);

describe('streaming detector', () => {
  it('finds a level shift that persists, at its onset', () => {
    const r = rng(1);
    const { ts, vs } = series(3000, MIN5, (i) => 50 + gauss(r) + (i >= 2000 ? 8 : 0));
    const { found } = anomalies(ts, vs);
    const at = found.filter((a) => a.startIndex >= 1990);
    expect(at.length).toBeGreaterThan(0);
    expect(at[0].startIndex).toBeLessThan(2010);
    expect(at[0].observed).toBeGreaterThan(at[0].expected);
    // Nothing before the shift once warmed up.
    expect(found.filter((a) => a.startIndex > 300 && a.startIndex < 1990)).toEqual([]);
  });

  it('does not flag a clean daily-seasonal series', () => {
    const r = rng(2);
    const { ts, vs } = series(14 * 288, MIN5, (_, t) => 100 + daily(t) + gauss(r));
    const { found } = anomalies(ts, vs, {}, 0.9999);
    // After two days of learning, nothing stands out.
    expect(found.filter((a) => a.startIndex > 2 * 288)).toEqual([]);
  });

  it('flags a seasonal break: busy every Tuesday, now busy on a Wednesday', () => {
    const r = rng(3);
    const weeks = 8;
    const busy = (t: number, day: number) => {
      const d = Math.floor((t - T0) / 86_400_000) % 7; // T0 is a Monday: 1 = Tuesday
      const h = new Date(t).getUTCHours();
      return d === day && h >= 9 && h < 17 ? 40 : 0;
    };
    const lastWed = T0 + (7 * (weeks - 1) + 2) * 86_400_000;
    const { ts, vs } = series(weeks * 7 * 24, HOUR, (_, t) => 20 + busy(t, 1) + (t >= lastWed && t < lastWed + 86_400_000 ? busy(t, 2) : 0) + gauss(r));
    const { r: res, found } = anomalies(ts, vs, {}, 0.99);
    const wedIdx = (lastWed - T0) / HOUR;
    // Flagged during its busy hours while the seasonal path (not the plain `level` one) is in use,
    // which expects a quiet Wednesday; the component that fires first may be the point, shift or
    // spread statistic of that path.
    const hit = found.find((a) => a.startIndex >= wedIdx + 9 && a.startIndex < wedIdx + 17);
    expect(hit, JSON.stringify(found.map((a) => [a.startIndex, a.component]))).toBeDefined();
    expect(['seasonal', 'shift', 'spread']).toContain(hit!.component);
    expect(hit!.expected).toBeLessThan(30);
    // The busy Tuesdays of the last three weeks score lower than the busy Wednesday.
    const from = wedIdx - 3 * 7 * 24;
    let maxOther = 0;
    for (let i = from; i < res.scores.length; i++) if (i < wedIdx || i > wedIdx + 24) maxOther = Math.max(maxOther, res.scores[i]);
    expect(hit!.peakScore).toBeGreaterThan(maxOther);
  });

  it('seasonal profile is robust to a holiday and to the anomalies themselves', () => {
    const r = rng(21);
    // Hourly, busy 9–17 on weekdays; week 4's Wednesday is a holiday (quiet all day) and week 5's
    // Thursday has a one-off spike at 14:00. Neither may turn the following weeks' normal days
    // (the next Wednesday, the next Thursday 14:00) into anomalies.
    const day = 86_400_000;
    const holiday = T0 + (3 * 7 + 2) * day;
    const spikeAt = T0 + (4 * 7 + 3) * day + 14 * HOUR;
    const { ts, vs } = series(8 * 7 * 24, HOUR, (_, t) => {
      const d = Math.floor((t - T0) / day) % 7;
      const h = new Date(t).getUTCHours();
      const busy = d < 5 && h >= 9 && h < 17 && !(t >= holiday && t < holiday + day) ? 40 : 0;
      return 20 + busy + (t === spikeAt ? 300 : 0) + gauss(r);
    });
    // (At 0.99, about NAB's operating point: the holiday is a 1-in-100 departure here, because the
    // robust spread still remembers the first weeks, while the profile was being learned.)
    const { r: res, found } = anomalies(ts, vs, {}, 0.99);
    const idx = (t: number) => (t - T0) / HOUR;
    // What the model expects a week later at the same hours: still the ordinary busy level (~60).
    const ex = res.explanation!;
    // (A profile that learned the spike as "Thursdays at 14:00 are high" expected ≈ 120 here, and
    // one that learned the holiday expected ≈ 42 on the next Wednesday.)
    expect(Math.abs(ex.expected[idx(spikeAt) + 168] - 60)).toBeLessThan(15);
    for (let h = 9; h < 17; h++) expect(Math.abs(ex.expected[idx(holiday) + 168 + h] - 60)).toBeLessThan(15);
    // The holiday and the spike themselves are news…
    expect(found.some((a) => a.startIndex >= idx(holiday) && a.startIndex < idx(holiday + day)), JSON.stringify(found.map((a) => a.startIndex))).toBe(true);
    expect(found.some((a) => a.startIndex === idx(spikeAt))).toBe(true);
    // …but from the day after the spike on, nothing is (the weeks after are ordinary weeks).
    const after = found.filter((a) => a.startIndex >= idx(spikeAt) + 24);
    expect(after.map((a) => [a.startIndex, a.component])).toEqual([]);
  });

  it('works at any sampling interval: a persisting shift is found at its onset with 10-second and hourly samples', () => {
    for (const [step, seed] of [
      [10_000, 22],
      [HOUR, 23],
    ]) {
      const r = rng(seed);
      const { ts, vs } = series(3000, step, (i) => 50 + gauss(r) + (i >= 2000 ? 8 : 0));
      const { found } = anomalies(ts, vs);
      const at = found.filter((a) => a.startIndex >= 1990);
      expect(at.length, `step ${step}`).toBeGreaterThan(0);
      expect(at[0].startIndex).toBeLessThan(2010);
      expect(found.filter((a) => a.startIndex > 300 && a.startIndex < 1990), `step ${step}`).toEqual([]);
    }
  });

  it('an enormous spike does not hide the next incident (the onset filter\'s hold is capped)', () => {
    const r = rng(24);
    // A 1000-SD spike at 1500, then a lasting +8 shift at 1700 (200 points, ~17 hours at 5 min).
    const { ts, vs } = series(3000, MIN5, (i) => 50 + gauss(r) + (i === 1500 ? 1000 : 0) + (i >= 1700 ? 8 : 0));
    const onsets = (opts: object) => anomalies(ts, vs, opts, 0.99).found.map((a) => a.startIndex);
    const found = onsets({});
    expect(found).toContain(1500);
    expect(found.some((i) => i >= 1700 && i < 1710), JSON.stringify(found)).toBe(true);
    // Uncapped, the spike's surprise would still be "the peak to beat" when the shift starts.
    expect(onsets({ holdCap: Infinity }).some((i) => i >= 1700 && i < 1710)).toBe(false);
  });

  it('explains a level drop against a driver: "should be 2×requests, is 1×"', () => {
    const r = rng(4);
    const req = new Float64Array(3000);
    for (let i = 0; i < 3000; i++) req[i] = 100 + 50 * Math.sin(i / 37) + 20 * gauss(r);
    const { ts, vs } = series(3000, MIN5, (i) => (i < 2500 ? 2 : 1) * req[i] + gauss(r));
    const { found } = anomalies(ts, vs, { drivers: [req] });
    const hit = found.find((a) => a.startIndex >= 2500 && a.startIndex < 2505);
    expect(hit).toBeDefined();
    expect(hit!.component).toBe('driver');
    expect(hit!.observed).toBeLessThan(hit!.expected);
    expect(found.filter((a) => a.startIndex > 300 && a.startIndex < 2500)).toEqual([]);
  });

  it('flags a variance increase', () => {
    const r = rng(5);
    const { ts, vs } = series(3000, MIN5, (i) => 10 + (i >= 2000 ? 6 : 1) * gauss(r));
    const { found } = anomalies(ts, vs);
    expect(found.some((a) => a.startIndex >= 2000 && a.startIndex < 2050)).toBe(true);
  });

  it('handles NaN samples: score 0 there, the shift found as without them', () => {
    const r = rng(6);
    const clean = series(3000, MIN5, (i) => 50 + gauss(r) + (i >= 2000 ? 8 : 0));
    const holes = Float64Array.from(clean.vs, (v, i) => (i % 97 === 0 ? NaN : v));
    const withNaN = anomalies(clean.ts, holes, {}, 0.999);
    const without = anomalies(clean.ts, clean.vs, {}, 0.999);
    expect(withNaN.r.scores.length).toBe(3000);
    for (let i = 0; i < 3000; i++) {
      expect(withNaN.r.scores[i]).toBeGreaterThanOrEqual(0);
      expect(withNaN.r.scores[i]).toBeLessThanOrEqual(1);
      if (i % 97 === 0) expect(withNaN.r.scores[i]).toBe(0);
    }
    const at = (f: typeof without.found) => f.find((a) => a.startIndex >= 2000 && a.startIndex < 2010)?.startIndex;
    expect(at(without.found)).toBeDefined();
    expect(at(withNaN.found)).toBe(at(without.found));
  });

  it('handles a gap and irregular sampling without flagging them', () => {
    const r = rng(7);
    const ts: number[] = [];
    const vs: number[] = [];
    let t = T0;
    for (let i = 0; i < 3000; i++) {
      t += i === 1500 ? 6 * HOUR : 30_000 + Math.floor(r() * 60_000); // irregular 30–90 s, one 6 h gap
      ts.push(t);
      vs.push(5 + 0.5 * gauss(r));
    }
    const { r: res, found } = anomalies(ts, vs, { seasonal: false });
    expect(found.filter((a) => a.startIndex > 300)).toEqual([]);
    expect(res.explanation!.gap[1500]).toBe(1);
  });

  it('a constant series scores 0, and any change of it is flagged', () => {
    const { ts, vs } = series(2000, MIN5, (i) => (i < 1500 ? 7 : 7.5));
    const { r, found } = anomalies(ts, vs);
    expect(Math.max(...r.scores.subarray(0, 1500))).toBe(0);
    expect(found[0]?.startIndex).toBe(1500);
  });

  it('counter resets become rates, not anomalies; a rate change is one', () => {
    const r = rng(8);
    let c = 0;
    const { ts, vs } = series(3000, 15_000, (i) => {
      if (i === 1200) c = 0; // process restart
      c += 15 * ((i >= 2500 ? 3 : 1) * 5 + 0.3 * gauss(r));
      return c;
    });
    const rate = counterToRate(ts, vs);
    expect(rate[1200]).toBeGreaterThan(0);
    expect(rate[1200]).toBeLessThan(10);
    // Pure noise apart from the reset: at 0.9999 (p ≤ 1e-4) nothing before the rate change.
    const { found } = anomalies(ts, rate, { seasonal: false }, 0.9999);
    expect(found.filter((a) => a.startIndex > 300 && a.startIndex < 2500)).toEqual([]);
    expect(found.some((a) => a.startIndex >= 2500 && a.startIndex < 2505)).toBe(true);
  });

  it('is streaming: the scores of a prefix do not depend on later points', () => {
    const r = rng(9);
    const { ts, vs } = series(2000, MIN5, (i, t) => 100 + daily(t) + gauss(r) + (i > 1500 ? 20 : 0));
    const full = scoreSeries(ts, vs).scores;
    const head = scoreSeries(ts.subarray(0, 1600), vs.subarray(0, 1600)).scores;
    expect(Array.from(head)).toEqual(Array.from(full.subarray(0, 1600)));
  });

  it('history correction: the same departure is less surprising after a longer history, not before historyRef points', () => {
    const r = rng(10);
    const { ts, vs } = series(12_000, MIN5, () => 50 + gauss(r));
    for (const i of [800, 10_000]) vs[i] = 58; // identical 8-sigma spikes
    const surprise = (opts: object) => {
      const raw = scoreSeries(ts, vs, { seasonal: false, ...opts }, true).explanation!.raw;
      return [800, 10_000].map((i) => -Math.log10(1 - raw[i]));
    };
    // Counting every point as a chance (chanceMemory 0), from 1000 points.
    const pts = { chanceMemory: 0, historyRef: 1000, historyPenalty: 0.25 };
    const on = surprise(pts);
    const off = surprise({ ...pts, historyPenalty: 0 });
    // Before 1000 points of history: untouched.
    expect(on[0]).toBeCloseTo(off[0], 9);
    // After ~10,000 points: 0.25 · log10(10) decades less (the spike is still an anomaly).
    expect(off[1] - on[1]).toBeCloseTo(0.25 * Math.log10(10_000 / 1000), 2);
    expect(on[1]).toBeGreaterThan(3);
    // Defaults (independent chances): at most 0.3 · log10(10,000 / 250) — less, as even on white
    // noise the strongest surprise is somewhat autocorrelated (the shift statistic is an EWMA).
    const def = surprise({});
    const def0 = surprise({ historyPenalty: 0 });
    expect(def0[1] - def[1]).toBeGreaterThan(0.25);
    expect(def0[1] - def[1]).toBeLessThan(0.3 * Math.log10(10_000 / 250) + 1e-9);
    expect(def[1]).toBeGreaterThan(2.5); // still far above the NAB threshold (≈ 2 decades)
  });

  it('history correction counts independent chances: less correction when the surprise is autocorrelated', () => {
    // Same length, same spike; one series white noise, the other slow AR(1) noise whose unusual
    // stretches last many points (fewer independent chances to produce a departure that rare).
    const correction = (phi: number, seed: number) => {
      const r = rng(seed);
      let e = 0;
      const { ts, vs } = series(12_000, MIN5, () => {
        e = phi * e + Math.sqrt(1 - phi * phi) * gauss(r);
        return 50 + e;
      });
      vs[10_000] += 10;
      const s = (opts: object) => -Math.log10(1 - scoreSeries(ts, vs, { seasonal: false, ...opts }, true).explanation!.raw[10_000]);
      return s({ historyPenalty: 0 }) - s({});
    };
    const white = correction(0, 11);
    const slow = correction(0.95, 12);
    expect(white).toBeGreaterThan(slow + 0.05);
    expect(slow).toBeGreaterThanOrEqual(0);
  });

  it('flat line: a sensor that stops changing for longer than ever before is flagged once, as `flat`', () => {
    const r = rng(11);
    // Bursty counts with idle stretches of up to 40 points; from 2000 the value sticks at 0 for 300.
    const { ts, vs } = series(3000, MIN5, (i) => (i >= 2000 && i < 2300 ? 0 : i % 100 < 60 ? Math.round(20 + 5 * gauss(r)) : 0));
    const { r: res, found } = anomalies(ts, vs, { seasonal: false }, 0.99);
    // (The very first idle stretch is itself a record, while the series is young: ignore the start.)
    const hit = found.find((a) => a.component === 'flat' && a.startIndex > 300);
    expect(hit, JSON.stringify(found.map((a) => [a.startIndex, a.component]))).toBeDefined();
    // Fires when the run (idle since 1960) passes the longest earlier one (40 points).
    expect(hit!.startIndex).toBeGreaterThanOrEqual(2000);
    expect(hit!.startIndex).toBeLessThan(2060);
    expect(hit!.explanation).toContain('stopped changing');
    expect(hit!.z).toBeGreaterThanOrEqual(50); // the run length (flatMinRun)
    expect(hit!.observed).toBe(0);
    expect(hit!.reference).toBe(40); // the longest earlier idle stretch
    // Once per run.
    expect(res.explanation!.component.filter((c, i) => c === 'flat' && i > 300).length).toBe(1);
  });

  it('flat line: never for a series that has always been constant, nor for idle stretches no longer than before', () => {
    const { ts, vs } = series(3000, MIN5, () => 45);
    const r1 = scoreSeries(ts, vs, {}, true);
    expect(r1.explanation!.component.includes('flat')).toBe(false);
    expect(Math.max(...r1.scores)).toBe(0);
    const rg = rng(12);
    // Regular idle stretches of 40 points: none is a record after the first.
    const b = series(3000, MIN5, (i) => (i % 100 < 60 ? Math.round(20 + 5 * gauss(rg)) : 0));
    const r2 = scoreSeries(b.ts, b.vs, { seasonal: false }, true);
    const flats = r2.explanation!.component.flatMap((c, i) => (c === 'flat' ? [i] : []));
    expect(flats.every((i) => i < 200), JSON.stringify(flats)).toBe(true);
    // Off switch.
    const off = scoreSeries(b.ts, b.vs, { seasonal: false, flatMargin: 0 }, true);
    expect(off.explanation!.component.includes('flat')).toBe(false);
  });

  it('range: a value higher than this series has ever shown is flagged even when the spread has grown', () => {
    const r = rng(13);
    // Quiet, with a few 12-SD spikes; from 1500 a noisy oscillating regime (the spread grows, so
    // the same spikes no longer stand out against it); at 2500 one value above every earlier one.
    const { ts, vs } = series(3000, MIN5, (i) => {
      if (i === 2500) return 80;
      if (i > 300 && i < 1500 && i % 300 === 0) return 62;
      return 50 + gauss(r) + (i >= 1500 ? 8 * Math.sign(Math.sin(i / 3)) : 0);
    });
    const { r: res, found } = anomalies(ts, vs, { seasonal: false }, 0.99);
    const hit = found.find((a) => a.startIndex === 2500);
    expect(hit, JSON.stringify(found.map((a) => [a.startIndex, a.component]))).toBeDefined();
    expect(hit!.component).toBe('range');
    const before = Math.max(...vs.subarray(0, 2500));
    expect(hit!.reference).toBe(before);
    expect(hit!.explanation).toContain(`previous maximum ${Number(before.toPrecision(4))}`);
    // The expected value stays the model's (the level), not the previous extreme.
    expect(Math.abs(hit!.expected - 50)).toBeLessThan(10);
    // Without the range view the same point is less surprising.
    const off = scoreSeries(ts, vs, { seasonal: false, wRange: 0 }).scores;
    expect(res.scores[2500]).toBeGreaterThan(off[2500]);
  });

  it('range: values inside the range seen so far never fire it', () => {
    const r = rng(14);
    // A wide start (30–70), then a quiet series with 8-SD spikes that stay inside that range.
    const { ts, vs } = series(3000, MIN5, (i) => (i < 50 ? 30 + 40 * r() : 50 + gauss(r) + (i % 400 === 0 ? 8 : 0)));
    const ex = scoreSeries(ts, vs, { seasonal: false }, true).explanation!;
    expect(Math.max(...vs.subarray(50))).toBeLessThan(Math.max(...vs.subarray(0, 50)));
    expect(ex.component.slice(50).some((c) => c === 'range')).toBe(false);
  });

  it('sparse counts (mostly 0, rare 1s): the spread does not collapse, so a 1 stays as ordinary as it always was', () => {
    // An error counter's rate: 98 % zeros over 60,000 points (a week at 10 s). The clipped robust
    // spread alone shrinks towards 0 on such a series (the 1s are clipped, the 0s pull it down), so
    // the same 1 looked ever more extreme and the level fired at hundreds of them (z 10,000 by the
    // end); the spread is now at least spreadFloor (0.2) of the unclipped mean absolute deviation.
    const r = rng(31);
    const { ts, vs } = series(60_000, 10_000, () => poisson(r, 0.02));
    const ex = scoreSeries(ts, vs, { seasonal: false }, true).explanation!;
    const zOnes = (from: number, to: number) => {
      const z: number[] = [];
      for (let i = from; i < to; i++) if (vs[i] === 1) z.push(ex.z[i]);
      return z.sort((a, b) => a - b)[z.length >> 1];
    };
    // The median z of a 1 late in the series is close to what it was early on (was ~20× larger).
    expect(zOnes(50_000, 60_000) / zOnes(5_000, 15_000)).toBeLessThan(2);
    const sc = scoreSeries(ts, vs, { seasonal: false }).scores;
    let alarms = 0;
    for (let i = 10_000; i < 60_000; i++) if (sc[i] >= 0.99) alarms++;
    expect(alarms).toBeLessThan(30); // was ~150 (0.5 % of the 1s)
    // Off switch: the clipped spread alone.
    const off = scoreSeries(ts, vs, { seasonal: false, spreadFloor: 0 }, true).explanation!;
    let zMaxOff = 0;
    for (let i = 50_000; i < 60_000; i++) if (vs[i] === 1) zMaxOff = Math.max(zMaxOff, off.z[i]);
    expect(zMaxOff).toBeGreaterThan(10 * zOnes(50_000, 60_000));
  });

  it('trending gauges (disk usage, a cumulative counter read as a gauge): a new maximum at every step is not news', () => {
    const r = rng(32);
    // Disk usage in %, growing 20 → 80 over 30,000 minutes, two decimals; a counter read raw.
    const disk = series(30_000, 60_000, (i) => Math.round((20 + (60 * i) / 30_000 + 0.05 * gauss(r)) * 100) / 100);
    let c = 1e6;
    const counter = series(20_000, 10_000, () => (c += poisson(r, 20)));
    for (const [name, s] of [
      ['disk', disk],
      ['counter', counter],
    ] as const) {
      const { r: res, found } = anomalies(s.ts, s.vs, {}, 0.999);
      expect(found.filter((a) => a.startIndex > 750), name).toEqual([]);
      // Almost every point is a new all-time maximum; the range view has learned that.
      const ranges = res.explanation!.component.filter((k, i) => k === 'range' && res.scores[i] >= 0.99 && i > 750);
      expect(ranges.length, name).toBe(0);
    }
  });

  it('maintenance window: a noisy series held at its last value for 100 minutes is flagged once, as `flat`, early', () => {
    const r = rng(33);
    let last = 0;
    // 10-second samples; from 20,000 the exporter repeats its last value for 600 samples, then resumes.
    const { ts, vs } = series(30_000, 10_000, (i) => (i >= 20_000 && i < 20_600 ? last : (last = 100 + 5 * gauss(r))));
    const { found } = anomalies(ts, vs, {}, 0.999);
    const inWindow = found.filter((a) => a.startIndex >= 20_000 && a.startIndex < 20_700);
    expect(inWindow.length, JSON.stringify(found.map((a) => [a.startIndex, a.component]))).toBeGreaterThan(0);
    expect(inWindow[0].component).toBe('flat');
    expect(inWindow[0].startIndex).toBeLessThan(20_060); // at flatMinRun (50) samples
    // Elsewhere (after the first 750 samples): at most one alarm in 29,000 samples of noise.
    expect(found.filter((a) => a.startIndex > 750 && (a.startIndex < 20_000 || a.startIndex >= 20_700)).length).toBeLessThanOrEqual(1);
  });

  it('a stuck value interrupted by missing scrapes (NaN) is still one run of identical values', () => {
    const r = rng(34);
    // Every 20th scrape is lost while stuck (no 50 consecutive samples), plus 2 % at random and
    // a 50-sample outage.
    const { ts, vs } = series(20_000, 60_000, (i) => {
      if ((i >= 15_100 && i < 15_150) || r() < 0.02 || (i >= 15_000 && i < 15_400 && i % 20 === 0)) return NaN;
      return i >= 15_000 && i < 15_400 ? 20.5 : 20 + gauss(r);
    });
    const { found } = anomalies(ts, vs, {}, 0.999);
    const hit = found.find((a) => a.startIndex >= 15_000 && a.startIndex < 15_400);
    expect(hit, JSON.stringify(found.map((a) => [a.startIndex, a.component]))).toBeDefined();
    expect(hit!.component).toBe('flat');
    expect(hit!.startIndex).toBeLessThan(15_100); // before the scrape gap, ~50 samples in
    expect(found.filter((a) => a.startIndex > 750 && (a.startIndex < 15_000 || a.startIndex >= 15_500))).toEqual([]);
  });

  it('classic anomalies on autocorrelated noise: spike, dip, stuck value, level shift, each found by the component that says what happened', () => {
    const r = rng(35);
    let e = 0;
    const { ts, vs } = series(12_000, MIN5, (i) => {
      e = 0.7 * e + gauss(r);
      return 200 + 5 * e + (i === 4000 ? 40 : 0) - (i === 5000 ? 40 : 0) + (i >= 8000 ? 20 : 0);
    });
    for (let i = 6000; i < 6300; i++) vs[i] = vs[5999];
    const { found } = anomalies(ts, vs, {}, 0.99);
    const first = (a: number, b: number) => found.find((x) => x.startIndex >= a && x.startIndex <= b);
    const show = JSON.stringify(found.map((a) => [a.startIndex, a.component]));
    expect(first(4000, 4000)?.observed, show).toBeGreaterThan(first(4000, 4000)?.expected ?? Infinity);
    expect(first(5000, 5000)?.observed, show).toBeLessThan(first(5000, 5000)?.expected ?? -Infinity);
    expect(first(6000, 6300)?.component, show).toBe('flat');
    expect(['shift', 'level', 'range'], show).toContain(first(8000, 8050)?.component);
    // Normal stretches: a few 1-in-100 alarms at most in 11,000 points of noise at NAB's threshold.
    const normal = found.filter((a) => a.startIndex > 750 && ![4000, 5000].includes(a.startIndex) && !(a.startIndex >= 6000 && a.startIndex < 6400) && !(a.startIndex >= 8000 && a.startIndex < 8150));
    expect(normal.length, show).toBeLessThanOrEqual(6);
  });

  it('a long quiet series (60,000 points) finds every rare spike at the CLI threshold and little else', () => {
    const r = rng(36);
    const spikes = [15_000, 25_000, 35_000, 45_000, 55_000];
    const { ts, vs } = series(60_000, 60_000, (i) => 50 + gauss(r) + (spikes.includes(i) ? 8 : 0));
    const { found } = anomalies(ts, vs, { seasonal: false }, 0.999);
    for (const s of spikes) expect(found.some((a) => a.startIndex === s), String(s)).toBe(true);
    expect(found.filter((a) => a.startIndex > 750 && !spikes.includes(a.startIndex)).length).toBeLessThanOrEqual(1);
  });

  it('flat line on quantised data: an idle stretch one sample longer than many similar ones is not news; a stuck one is', () => {
    const r = rng(37);
    // Activity bursts of 40 samples separated by idle (0) stretches of 60–80 samples that creep up
    // by a sample every few cycles: each new longest stretch beats the previous one by one sample
    // while several earlier ones were almost as long (an error counter, a queue, a key that is
    // sometimes held). Then the value sticks at 0 for 400 samples.
    const vs: number[] = [];
    for (let j = 0; vs.length < 12_000; j++) {
      for (let k = 0; k < 40; k++) vs.push(Math.max(1, Math.round(20 + 5 * gauss(r))));
      for (let k = 0; k < 60 + (j % 7) + Math.floor(j / 8); k++) vs.push(0);
    }
    for (let k = 0; k < 40; k++) vs.push(Math.max(1, Math.round(20 + 5 * gauss(r))));
    const stuck = vs.length;
    const longest = 79; // the longest idle stretch before it
    for (let k = 0; k < 400; k++) vs.push(0);
    for (let k = 0; k < 500; k++) vs.push(k % 100 < 40 ? Math.round(20 + 5 * gauss(r)) : 0);
    const ts = Array.from(vs, (_, i) => T0 + i * 60_000);
    const { r: res, found } = anomalies(ts, vs, { seasonal: false }, 0.999);
    // (Was: 13 alarms "unchanged at 0 for 67…79 samples, the longest earlier run was 66…78".)
    expect(found.filter((a) => a.startIndex > 750 && a.startIndex < stuck).map((a) => [a.startIndex, a.component])).toEqual([]);
    // The stuck stretch: reported as `flat` once it is clearly (0.3 octave) longer than any before.
    const hit = found.find((a) => a.startIndex >= stuck && a.startIndex < stuck + 400);
    expect(hit, JSON.stringify(found.map((a) => [a.startIndex, a.component]))).toBeDefined();
    expect(hit!.component).toBe('flat');
    expect(hit!.reference).toBe(longest);
    expect(hit!.startIndex - stuck + 1).toBe(Math.ceil(longest / Math.pow(2, -0.3)));
    expect(res.explanation!.component.filter((c, i) => c === 'flat' && res.scores[i] >= 0.99 && i >= stuck).length).toBe(1);
    // flatTolerance 0: every one-sample record fires, as before.
    const { found: old } = anomalies(ts, vs, { seasonal: false, flatTolerance: 0 }, 0.999);
    expect(old.filter((a) => a.component === 'flat' && a.startIndex > 750 && a.startIndex < stuck).length).toBeGreaterThan(5);
  });

  it('keeps one score in [0, 1] per row even for empty and all-NaN input', () => {
    expect(scoreSeries([], []).scores.length).toBe(0);
    const s = scoreSeries([1, 2, 3], [NaN, NaN, NaN]).scores;
    expect(Array.from(s)).toEqual([0, 0, 0]);
  });
});
