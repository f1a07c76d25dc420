// The streaming metric anomaly detector: an ensemble of explainable components over one series.
// Point i's score depends only on points 0..i (each point is scored, then learned from).
//
// Components, each a statistic of how far the point departs from what was learned:
//   level     — the value against a robust running level (clipped EWMA + EW MAD) → spikes/dips;
//   seasonal  — the same against level + hour-of-day/hour-of-week profile, used instead of `level`
//               while the profile explains the series better ("busy every Tuesday, now Wednesday");
//   shift     — a short EWMA against the long level → a level shift that persists (change point);
//   spread    — short vs long mean |residual| → a variance increase;
//   driver    — the value against an online regression on driver series ("should be 2, is 1");
//   flat      — the value has not changed for longer than ever before in this series (a stuck
//               sensor, a stalled writer, a held key): fires when the run of identical values
//               becomes a record (and is at least `flatMinRun` points long), as rare as the earlier
//               runs almost as long make it (see the comment at the component);
//   range     — the value beyond the highest (lowest) this series has ever shown, by how many
//               robust SDs: novelty in value, which a level/spread view can miss when the spread
//               has grown ("never this high before").
//
// Calibration — what the score means. Each component's statistic is ranked against that
// component's own history on this series (calibrate.ts): p = the fraction of past points that
// deviated at least as much (a Pareto tail beyond the largest seen). The strongest component wins,
// Bonferroni-corrected for the number of components (and for the length of the history: see
// below), and the score is 1 − p: 0.99 = "a 1-in-100 departure for this series", 0.999 = 1 in
// 1000. Jumpy series thus need bigger departures than quiet ones for the same score, which is what
// lets one threshold serve every series.
//
// History correction: a per-point tail probability p means "a 1-in-1/p point"; the longer the
// series has run, the more such points it has already produced, so an alarm-worthy departure must
// be rarer. What counts is the number of INDEPENDENT chances, not of points: a series whose unusual
// stretches last several points (autocorrelated surprise) has had fewer chances than one of
// isolated spikes of the same length. So the history is counted as n / τ, with τ = (1 + ρ)/(1 − ρ)
// the integrated autocorrelation time of the strongest per-point surprise (level/seasonal, shift,
// spread, driver; before corrections) and ρ its lag-1 autocorrelation over the last ~chanceMemory
// points. The surprise is reduced by historyPenalty · log10(n/τ / historyRef) once n/τ exceeds
// historyRef (0.3 per tenfold: a tenfold longer history needs a departure 10^0.3 ≈ 2 times
// rarer). The exponent is deliberately partial (a full 1/n correction would silence long series).
//
// Onset filter: after a report of p ≤ 10^-fireLevel, the next `refractory` points are reported only
// if they are `refireMargin` decades rarer still; otherwise a continuing episode is damped (its
// score is 1 − p^repeatDamp), and a new report must beat the episode's decaying peak, capped at
// `holdCap` decades so one enormous departure does not hide the next incident. A high score
// therefore means "a new, strong departure from the learned behaviour starts here": flagged once,
// early, as an operator (and NAB) wants.

import { RobustEw } from './robust.js';
import { SeasonalProfile } from './seasonal.js';
import { TailCalibrator } from './calibrate.js';

export type Component = 'level' | 'seasonal' | 'shift' | 'spread' | 'driver' | 'flat' | 'range' | 'none' | 'missing';

export interface DetectorOptions {
  /** Long-memory rate of the baseline, per point (default 1e-4; 1/n while younger). */
  longAlpha?: number;
  /** Short-memory rate of the shift statistic (default 0.03). */
  shortAlpha?: number;
  /** Short-memory rate of the spread statistic (default shortAlpha/2). */
  spreadAlpha?: number;
  /** Learn and use hour-of-day × day-of-week seasonality (default true). */
  seasonal?: boolean;
  /** Huber clip of the level, in robust SDs (default 3). */
  clip?: number;
  /** Use the seasonal path when its recent error is below this fraction of the plain one (0.7). */
  seasonalGain?: number;
  /** Memory of the hour-of-day / hour-of-week profiles, in visits (days 3, weeks 2). */
  seasonDays?: number;
  seasonWeeks?: number;
  /** Rows of warm-up during which scores are 0 (default 20). */
  warmup?: number;
  /** Driver series aligned with the values (same length), for the regression component. */
  drivers?: ArrayLike<number>[];
  /** Component weights on the calibrated surprise (1 = trust the calibration as is). */
  wPoint?: number;
  wShift?: number;
  wSpread?: number;
  wDriver?: number;
  /** Onset filter: per-point decay of the recent peak a new report must beat (default 0.998). */
  holdDecay?: number;
  /**
   * Onset filter: the recent peak a new report must beat is capped at this surprise (default 3
   * decades, the CLI's default threshold), so one enormous departure does not hide the next
   * incident for hundreds of points.
   */
  holdCap?: number;
  /** Forgetting factor of the score calibration's history (default 1: keep all). */
  calibrationDecay?: number;
  /** Tail exponent beyond the largest statistic seen (default 2). */
  recordExponent?: number;
  /** Statistics rarer than this tail probability are not learned by the calibration (default 0). */
  calibrationSkip?: number;
  /** Octaves below a past value that still count as "as large" in calibration (default 0.3). */
  calibrationTolerance?: number;
  /** Exponent applied to p for damped (continuing) points (default 0.3). */
  repeatDamp?: number;
  /** Surprise (decades) by which a point must beat the recent peak to be reported again within the refractory period (default 2). */
  refireMargin?: number;
  /** Points after a report (of surprise ≥ fireLevel) during which `refireMargin` applies (default 60). */
  refractory?: number;
  /** Surprise (decades) from which a report starts a refractory period (default 2, p = 0.01 after correction). */
  fireLevel?: number;
  /**
   * History correction: decades of surprise removed per tenfold growth of the history beyond
   * `historyRef` independent chances (default 0.3, 0 = off). See the header.
   */
  historyPenalty?: number;
  /** Independent chances (points / τ) from which the history correction starts (default 250). */
  historyRef?: number;
  /**
   * Memory (points) of the lag-1 autocorrelation of the surprise that turns points into
   * independent chances (default 1000; 0 = count every point as a chance).
   */
  chanceMemory?: number;
  /**
   * Flat-line component: a run of identical values fires once, when it becomes `flatMargin` times
   * longer than the longest run seen before in this series (default 1; 0 = off) …
   */
  flatMargin?: number;
  /** … and at least this many points long (default 50). */
  flatMinRun?: number;
  /** Earlier runs up to this many octaves shorter count as "as long" for the flat surprise (default 0.3). */
  flatTolerance?: number;
  /** Weight of the range (new all-time extreme) component's surprise (default 1; 0 = off). */
  wRange?: number;
  /**
   * The robust spread is at least this fraction of the unclipped mean absolute deviation (default
   * 0.2; 0 = off). On a series that is mostly one value (sparse counts: 98 % zeros) the clipped
   * spread alone decays towards 0 and every ordinary blip then looks ever more extreme.
   */
  spreadFloor?: number;
}

/** Per-point explanation (filled only when asked, to keep scoring fast). */
export interface Explanation {
  expected: Float64Array;
  /** Half-width of the expected band (about 3 robust SDs). */
  band: Float64Array;
  /** Raw (pre-onset-filter) score. */
  raw: Float64Array;
  component: Component[];
  /** z of the component that fired (signed; for `flat`, the length of the run of identical values). */
  z: Float64Array;
  /** Recent (short EWMA) mean, in the series' units: what the `shift` component compares. */
  recent: Float64Array;
  /** The sample came after a gap of more than 5 typical intervals. */
  gap: Uint8Array;
  /**
   * What the firing component compared the value with, when that is not `expected`: the previous
   * maximum (minimum) for `range`, the longest earlier run of identical values for `flat`; else NaN.
   */
  reference: Float64Array;
  /**
   * Each component's calibrated surprise (−log10 p) before the Bonferroni and history corrections
   * (0 where not computed): for replaying other combination rules (bench/nab/explore).
   */
  surprises: { point: Float64Array; shift: Float64Array; spread: Float64Array; driver: Float64Array; range: Float64Array; flat: Float64Array };
}

export interface ScoreResult {
  scores: Float64Array;
  explanation?: Explanation;
}

const LOG10_3 = Math.log10(3);
const LOG10_4 = Math.log10(4);

const COMPONENT_CODES: Component[] = ['none', 'level', 'seasonal', 'shift', 'spread', 'driver', 'missing', 'flat', 'range'];


/** Online least squares y ≈ b0 + Σ bj·dj with forgetting (RLS), for the driver component. */
class Rls {
  readonly k: number;
  readonly b: Float64Array;
  readonly P: Float64Array;
  readonly x: Float64Array;
  readonly px: Float64Array;
  constructor(
    nDrivers: number,
    readonly lambda = 0.995,
  ) {
    this.k = nDrivers + 1;
    this.b = new Float64Array(this.k);
    this.P = new Float64Array(this.k * this.k);
    for (let i = 0; i < this.k; i++) this.P[i * this.k + i] = 1e4;
    this.x = new Float64Array(this.k);
    this.px = new Float64Array(this.k);
  }
  load(drivers: ArrayLike<number>[], i: number): boolean {
    this.x[0] = 1;
    for (let j = 0; j < drivers.length; j++) {
      const v = drivers[j][i];
      if (!Number.isFinite(v)) return false;
      this.x[j + 1] = v;
    }
    return true;
  }
  predict(): number {
    let s = 0;
    for (let j = 0; j < this.k; j++) s += this.b[j] * this.x[j];
    return s;
  }
  update(y: number): void {
    const { k, P, x, px, b } = this;
    let den = this.lambda;
    for (let r = 0; r < k; r++) {
      let s = 0;
      for (let c = 0; c < k; c++) s += P[r * k + c] * x[c];
      px[r] = s;
      den += x[r] * s;
    }
    const e = y - this.predict();
    for (let r = 0; r < k; r++) b[r] += (px[r] / den) * e;
    for (let r = 0; r < k; r++) for (let c = 0; c < k; c++) P[r * k + c] = (P[r * k + c] - (px[r] * px[c]) / den) / this.lambda;
  }
}

/**
 * Scores a series. `timestamps` in Unix ms (NaN allowed: the row scores 0 and is not learned),
 * `values` may contain NaN (missing samples). Returns one score in [0, 1] per row.
 */
export function scoreSeries(timestamps: ArrayLike<number>, values: ArrayLike<number>, opts: DetectorOptions = {}, explain = false): ScoreResult {
  const n = values.length;
  const aL = opts.longAlpha ?? 1e-4;
  const aS = opts.shortAlpha ?? 0.03;
  const useSeasonal = opts.seasonal ?? true;
  const warmup = opts.warmup ?? 20;
  const wP = opts.wPoint ?? 1;
  const wSh = opts.wShift ?? 1;
  const wSp = opts.wSpread ?? 1;
  const wDr = opts.wDriver ?? 1;
  const holdDecay = opts.holdDecay ?? 0.998;
  const damp = opts.repeatDamp ?? 0.3;
  const refire = opts.refireMargin ?? 2;
  const refractory = opts.refractory ?? 60;
  const holdCap = opts.holdCap ?? 3;
  let lastFire = -Infinity;
  const fireLevel = opts.fireLevel ?? 2;
  const drivers = opts.drivers;
  const histPenalty = opts.historyPenalty ?? 0.3;
  const histRef = opts.historyRef ?? 250;
  const chanceMem = opts.chanceMemory ?? 1000;
  // Running mean, variance and lag-1 covariance of the pre-correction surprise (independent chances).
  let acN = 0;
  let acM = 0;
  let acV = 0;
  let acC = 0;
  let acPrev = NaN;
  const flatMargin = opts.flatMargin ?? 1;
  const flatMinRun = opts.flatMinRun ?? 50;
  // Flat-line state: the current run of identical values, the longest earlier run, whether the
  // current run started after a change (a series that has never varied is not "stuck").
  let prevX = NaN;
  let run = 0;
  let maxRun = 0;
  // Lengths of the earlier long runs (those that could count as "as long" as a flat-line record).
  const flatTol = Math.pow(2, -(opts.flatTolerance ?? 0.3));
  const longRuns: number[] = [];
  let runAfterChange = false;
  // 0: not reported in this run; 1: reported as a near-record (earlier runs almost as long); 2: done.
  let flatStage = 0;
  // Range state: the extremes of every value learned so far.
  const wRg = opts.wRange ?? 1;
  let vMax = -Infinity;
  let vMin = Infinity;

  const scores = new Float64Array(n);
  const ex: Explanation | undefined = explain
    ? { expected: new Float64Array(n), band: new Float64Array(n), raw: new Float64Array(n), component: new Array<Component>(n), z: new Float64Array(n), recent: new Float64Array(n).fill(NaN), gap: new Uint8Array(n), reference: new Float64Array(n).fill(NaN), surprises: { point: new Float64Array(n), shift: new Float64Array(n), spread: new Float64Array(n), driver: new Float64Array(n), range: new Float64Array(n), flat: new Float64Array(n) } }
    : undefined;

  // Plain path (no seasonality) and deseasonalised path; the one with the smaller recent error is used.
  const rawFloor = opts.spreadFloor ?? 0.2;
  const lvA = new RobustEw(aL, opts.clip ?? 3, rawFloor);
  const lvB = new RobustEw(aL, opts.clip ?? 3, rawFloor);
  const aSp = opts.spreadAlpha ?? aS * 0.5;
  let spS = NaN; // short EW of |residual|, against the long spread
  let spL = NaN; // long EW of |residual|
  const seas = new SeasonalProfile();
  let shortA = NaN;
  let shortB = NaN;
  let dayMean = NaN;
  let errA = 0;
  let errB = 0;
  let step = NaN;
  let lastT = NaN;
  let seen = 0;
  let hold = 0;
  let scaleFloor = 0;
  let absMean = 0;
  const rls = drivers && drivers.length ? new Rls(drivers.length) : undefined;
  // The regression's a-priori error: a shorter memory, so its early (unfitted) errors fade.
  const rlsErr = new RobustEw(0.005);
  const mkCal = () => new TailCalibrator(opts.calibrationDecay ?? 1, opts.calibrationTolerance ?? 0.3, opts.recordExponent ?? 2);
  const skip = opts.calibrationSkip ?? 0;
  const calPA = mkCal();
  const calSA = mkCal();
  const calPB = mkCal();
  const calSB = mkCal();
  const calV = mkCal();
  const calD = mkCal();
  const calR = mkCal();

  for (let i = 0; i < n; i++) {
    const x = values[i];
    const t = timestamps[i];
    if (!Number.isFinite(x)) {
      scores[i] = 0;
      if (ex) {
        ex.component[i] = 'missing';
        ex.expected[i] = seen ? lvA.mean : NaN;
        ex.band[i] = NaN;
      }
      continue;
    }
    // Sampling interval: a robust running typical step; a gap is > 5 steps with no sample.
    let gap = false;
    if (Number.isFinite(t) && Number.isFinite(lastT)) {
      const dt = t - lastT;
      if (dt > 0) {
        if (Number.isNaN(step)) step = dt;
        else {
          gap = dt > 5 * step;
          step += 0.05 * (Math.min(dt, 3 * step) - step);
        }
      }
    }
    if (Number.isFinite(t)) lastT = t;
    seen++;
    if (x === prevX) run++;
    else {
      if (run > maxRun) maxRun = run;
      if (run >= flatTol * flatMinRun) longRuns.push(run);
      runAfterChange = seen > 1;
      run = 1;
      flatStage = 0;
    }
    prevX = x;
    absMean += (Math.abs(x) - absMean) / Math.min(seen, 1000);
    // Floor for the spread: a constant series has spread 0 and any change is news, but not a
    // division by zero; 1e-6 of the typical magnitude keeps float noise from being "news".
    scaleFloor = Math.max(1e-12, 1e-6 * absMean);

    // Seasonal slots (only with a usable timestamp).
    const pph = Number.isFinite(step) && step > 0 ? Math.max(1, 3_600_000 / step) : 1;
    let h = -1;
    let w = -1;
    let sOff = 0;
    if (useSeasonal && Number.isFinite(t)) {
      const hours = Math.floor(t / 3_600_000);
      h = ((hours % 24) + 24) % 24;
      w = ((((Math.floor(hours / 24) + 3) % 7) + 7) % 7) * 24 + h;
      sOff = seas.offset(h, w, pph);
    }
    const useB = useSeasonal && seas.days() >= 2 && errB < (opts.seasonalGain ?? 0.7) * errA;

    // --- score point i against the state learned from points < i ---
    // Each component's |z| is calibrated against its own history into a surprise (−log10 p);
    // the strongest surprise wins. Component weights (wPoint…) can scale a component's surprise.
    let surprise = 0;
    let zs = 0;
    let comp = 0;
    let expected = NaN;
    let sd = NaN;
    let reference = NaN;
    if (seen > warmup) {
      // Both paths are scored and calibrated every point (each against its own history), so the
      // seasonal path's calibration is ready when it takes over.
      const zPointA = (x - lvA.mean) / lvA.sd(scaleFloor);
      const zShiftA = (shortA + aS * (x - shortA) - lvA.mean) / lvA.sd(scaleFloor);
      const sPA = -Math.log10(calPA.tailAndAdd(Math.abs(zPointA), skip));
      const sShA = -Math.log10(calSA.tailAndAdd(Math.abs(zShiftA), skip));
      let recent = shortA + aS * (x - shortA);
      let zPoint = zPointA;
      let zShift = zShiftA;
      let sP = sPA * wP;
      let sSh = sShA * wSh;
      if (useSeasonal && h >= 0 && lvB.n > 0) {
        const yB = x - sOff;
        const sdB = lvB.sd(scaleFloor);
        const zPointB = (yB - lvB.mean) / sdB;
        const zShiftB = (shortB + aS * (yB - shortB) - lvB.mean) / sdB;
        const sPB = -Math.log10(calPB.tailAndAdd(Math.abs(zPointB), skip));
        const sShB = -Math.log10(calSB.tailAndAdd(Math.abs(zShiftB), skip));
        if (useB) {
          recent = shortB + aS * (yB - shortB) + sOff;
          zPoint = zPointB;
          zShift = zShiftB;
          sP = sPB * wP;
          sSh = sShB * wSh;
        }
      }
      if (ex) ex.recent[i] = recent;
      const lv = useB ? lvB : lvA;
      const y = useB ? x - sOff : x;
      sd = lv.sd(scaleFloor);
      expected = lv.mean + (useB ? sOff : 0);
      const ar = Math.abs(y - lv.mean);
      const spreadNext = Number.isNaN(spS) ? ar : spS + aSp * (ar - spS);
      const zSpread = Math.log((spreadNext + scaleFloor) / ((Number.isNaN(spL) ? ar : spL) + scaleFloor)) / Math.LN2; // doublings of the recent vs long-run mean |residual|
      // Calibrated on the ratio itself (≈ 1 when nothing changes), not its log: the log of a
      // ratio near 1 is near 0, where any small value would look like a record. Decreases of the
      // spread are not anomalies.
      const zsp = zSpread > 0 ? Math.pow(2, zSpread) : 0;
      const sSp = -Math.log10(calV.tailAndAdd(zsp, skip)) * wSp;
      if (ex) {
        ex.surprises.point[i] = sP;
        ex.surprises.shift[i] = sSh;
        ex.surprises.spread[i] = sSp;
      }
      surprise = sP;
      zs = zPoint;
      comp = useB ? 2 : 1;
      if (sSh > surprise) {
        surprise = sSh;
        zs = zShift;
        comp = 3;
      }
      if (sSp > surprise) {
        surprise = sSp;
        zs = zSpread;
        comp = 4;
      }
      if (rls && drivers && rls.load(drivers, i) && seen > warmup * 2) {
        const pred = rls.predict();
        const zDriver = (x - pred) / rlsErr.sd(scaleFloor);
        const sDr = -Math.log10(calD.tailAndAdd(Math.abs(zDriver), skip)) * wDr;
        if (ex) ex.surprises.driver[i] = sDr;
        if (sDr > surprise) {
          surprise = sDr;
          zs = zDriver;
          comp = 5;
          expected = pred;
          sd = rlsErr.sd(scaleFloor);
        }
      }
      // The strongest per-point test (range and flat are one-off record events): its autocorrelation
      // turns points into independent chances for the history correction below.
      const perPoint = Math.min(surprise, 30); // a record beyond float range must not poison the statistics
      // Range: how far (in robust SDs of the level in use) the value lies beyond the all-time
      // extreme, calibrated like the others (0 for every point inside the range, so only
      // record-breaking points compete; like `flat`, not counted in the Bonferroni factor).
      if (wRg > 0 && vMax > vMin) {
        const sdR = lv.sd(scaleFloor);
        const zr = x > vMax ? (x - vMax) / sdR : x < vMin ? (vMin - x) / sdR : 0;
        const sRg = -Math.log10(calR.tailAndAdd(zr, skip)) * wRg;
        if (ex) ex.surprises.range[i] = sRg;
        if (sRg > surprise) {
          surprise = sRg;
          zs = x > vMax ? zr : -zr;
          comp = 8;
          reference = x > vMax ? vMax : vMin;
        }
      }
      // Flat line: the value has not changed for longer than ever before in this series (a stuck
      // sensor, a stalled job, a metric that stopped reporting changes). A one-off event: it fires
      // at the point where the run becomes a record, with the calibrators' record tail
      // p = (k + 0.5·(longest/run)^recordExponent)/(n+1), k the number of earlier runs at least
      // 2^-flatTolerance (0.3 octave, the calibrators' "as large") as long. On quantised data (an
      // idle counter, a step-like gauge) a run one sample longer than the longest is common when
      // several earlier runs were almost as long: those k make it less surprising (it was scored
      // as a full record before, and such a series alarmed at every new longest idle stretch). If
      // that first report was weak (below fireLevel after the corrections), the run is reported
      // once more when it becomes 0.3 octave longer than every earlier run (k = 0): a stuck value
      // is still found, a little later. Being a one-off event per run rather than a per-point
      // test, it is not counted in the Bonferroni factor below. A series that has never changed
      // is not "stuck" (runAfterChange).
      if (flatMargin > 0 && runAfterChange && flatStage < 2 && run >= flatMinRun && run > flatMargin * maxRun && (flatStage === 0 || maxRun < flatTol * run)) {
        let k = 0;
        for (let j = 0; j < longRuns.length; j++) if (longRuns[j] >= flatTol * run) k++;
        flatStage = k > 0 ? 1 : 2;
        const sFl = -Math.log10((k + 0.5 * Math.pow(Math.max(maxRun, 1) / run, opts.recordExponent ?? 2)) / (seen + 1));
        if (ex) ex.surprises.flat[i] = sFl;
        if (sFl > surprise) {
          surprise = sFl;
          zs = run; // for `flat`, z is the length of the run (points)
          comp = 7;
          reference = maxRun;
        }
      }
      // Bonferroni: the strongest of k calibrated components is k times likelier to be extreme by chance.
      // History correction: p is a per-point rate, and a longer history has had proportionally
      // more chances to produce a departure that rare; a partial multiple-testing correction over
      // time (histPenalty decades per tenfold history beyond histRef independent chances) keeps
      // long series from alarming more often than short ones at the same threshold. Chances =
      // points / τ, τ = (1 + ρ)/(1 − ρ) from the lag-1 autocorrelation ρ of this surprise so far.
      let tau = 1;
      if (chanceMem > 0 && acN > 50 && acV > 0) {
        const rho = Math.min(0.98, Math.max(0, acC / acV));
        tau = (1 + rho) / (1 - rho);
      }
      const chances = seen / tau;
      surprise = Math.max(0, surprise - (rls ? LOG10_4 : LOG10_3) - (chances > histRef ? histPenalty * Math.log10(chances / histRef) : 0));
      // A near-record run that was already reported is not reported again when it outgrows the tolerance.
      if (comp === 7 && flatStage === 1 && surprise >= fireLevel) flatStage = 2;
      if (chanceMem > 0) {
        acN++;
        const a = 1 / Math.min(acN, chanceMem);
        const dm = perPoint - acM;
        acM += a * dm;
        acV += a * (dm * (perPoint - acM) - acV);
        if (!Number.isNaN(acPrev)) acC += a * ((perPoint - acM) * (acPrev - acM) - acC);
        acPrev = perPoint;
      }
    }
    const raw = 1 - Math.pow(10, -surprise);
    // Onset filter: report a new or growing departure; damp its continuation.
    let out: number;
    if (surprise > hold + (i - lastFire < refractory ? refire : 0)) {
      out = surprise;
      hold = Math.min(surprise, holdCap);
      if (surprise >= fireLevel) lastFire = i;
    } else {
      out = surprise * damp;
      hold *= holdDecay;
    }
    scores[i] = 1 - Math.pow(10, -out);
    if (ex) {
      ex.expected[i] = expected;
      ex.band[i] = 3 * sd;
      ex.raw[i] = raw;
      ex.component[i] = seen > warmup ? COMPONENT_CODES[comp] : 'none';
      ex.z[i] = zs;
      ex.gap[i] = gap ? 1 : 0;
      ex.reference[i] = reference;
    }

    // --- learn from point i ---
    if (x > vMax) vMax = x;
    if (x < vMin) vMin = x;
    const rA = x - lvA.mean;
    const rB = x - sOff - lvB.mean;
    if (seen > warmup) {
      errA += 0.01 * (Math.abs(rA) - errA);
      errB += 0.01 * (Math.abs(rB) - errB);
    }
    const sdA = lvA.sd(scaleFloor);
    lvA.update(x);
    shortA = Number.isNaN(shortA) ? x : shortA + aS * (x - shortA);
    if (useSeasonal && h >= 0) {
      const sdB = lvB.sd(scaleFloor);
      lvB.update(x - sOff);
      shortB = Number.isNaN(shortB) ? x - sOff : shortB + aS * (x - sOff - shortB);
      // Seasonal offsets learn from the clipped residual against the level, at a per-point rate
      // that gives each hour slot a memory of ~3 visits (days) whatever the sampling interval.
      // Offsets are learned against a ~1-day deseasonalised mean, not the long level: a level shift
      // is then absorbed by that mean within a day instead of being learned as "this hour is high".
      // Clipped at 3 SDs of the seasonal path's own spread (the plain path's, inflated by the very
      // cycle being learned, let a holiday or a spike through almost unclipped).
      const lim = lvB.n > 5 ? 3 * sdB : Infinity;
      dayMean = Number.isNaN(dayMean) ? x - sOff : dayMean + Math.max(1 / (24 * pph), 1 / lvB.n) * (x - sOff - dayMean);
      seas.update(t, h, w, x - dayMean, lim, 1 / ((opts.seasonDays ?? 3) * pph), 1 / ((opts.seasonWeeks ?? 2) * pph));
    }
    const ar = Math.abs(useB ? rB : rA);
    if (seen > 1) {
      spS = Number.isNaN(spS) ? ar : spS + aSp * (ar - spS);
      spL = Number.isNaN(spL) ? ar : spL + Math.max(aL, 1 / seen) * (ar - spL);
    }
    if (rls && drivers && rls.load(drivers, i)) {
      if (seen > warmup) rlsErr.update(x - rls.predict());
      rls.update(x);
    }
  }
  return ex ? { scores, explanation: ex } : { scores };
}
