// Seasonal baseline learned online: an offset per hour-of-day (168 hour-of-week slots shrunk
// towards it as they gather data), relative to the running level. Offsets are updated with clipped
// residuals, so anomalies and one-off days (holidays) move them only a little.
const HOURS = 24;
const WEEK = 168;

export class SeasonalProfile {
  readonly hod = new Float64Array(HOURS);
  readonly hodN = new Float64Array(HOURS);
  readonly how = new Float64Array(WEEK);
  readonly howN = new Float64Array(WEEK);
  /** Per hour-of-week slot: the hour (since the epoch) of its current visit, and the direction (±1, 0) of a departure beyond `lim` seen in the current and in the previous visit. */
  private readonly visit = new Float64Array(WEEK).fill(NaN);
  private readonly bigNow = new Int8Array(WEEK);
  private readonly bigBefore = new Int8Array(WEEK);
  /** First timestamp seen, to know how many days of history the profile has. */
  first = NaN;
  last = NaN;

  constructor(
    /** Pseudo-count, in visits of a slot, for shrinking hour-of-week towards hour-of-day. */
    readonly shrinkVisits = 1.5,
  ) {}

  static slots(tMs: number): { h: number; w: number } {
    const hours = Math.floor(tMs / 3_600_000);
    const h = ((hours % 24) + 24) % 24;
    // 1970-01-01 was a Thursday; slot 0 = Monday 00:00 UTC.
    const day = (((Math.floor(hours / 24) + 3) % 7) + 7) % 7;
    return { h, w: day * 24 + h };
  }

  /** Days of history covered. */
  days(): number {
    return Number.isNaN(this.first) ? 0 : (this.last - this.first) / 86_400_000;
  }

  /** Expected offset from the level at time t (0 until a slot has been seen). */
  offset(h: number, w: number, pointsPerHour: number): number {
    const nh = this.hodN[h];
    if (nh === 0) return 0;
    const nw = this.howN[w];
    // Weekly detail fades in as the hour-of-week slot gathers points.
    const k = nw / (nw + this.shrinkVisits * pointsPerHour);
    return this.hod[h] + (nw > 0 ? k * (this.how[w] - this.hod[h]) : 0);
  }

  /**
   * Learn from a residual (value − level). The hour-of-day profile takes it clipped at `lim`
   * around its current value (robust to anomalies and one-off days). The hour-of-week profile too,
   * unless the slot's previous visit (a week earlier) departed beyond `lim` in the same direction:
   * then at 3·lim, so a genuinely weekly pattern (much larger than the daily noise) is learned from
   * its second week on, while a one-off spike or holiday moves next week's expectation only a little.
   * `aHod`/`aHow` are per-point rates: the caller scales them by the sampling interval so a slot's
   * memory spans a few visits (days/weeks) whatever the number of points per hour.
   */
  update(tMs: number, h: number, w: number, resid: number, lim: number, aHod: number, aHow: number): void {
    if (Number.isNaN(this.first)) this.first = tMs;
    this.last = tMs;
    const ah = Math.max(aHod, 1 / ++this.hodN[h]);
    this.hod[h] += ah * clip(resid - this.hod[h], lim);
    const hour = Math.floor(tMs / 3_600_000);
    if (hour !== this.visit[w]) {
      this.bigBefore[w] = this.bigNow[w];
      this.bigNow[w] = 0;
      this.visit[w] = hour;
    }
    const d = resid - this.how[w];
    const dir = d > lim ? 1 : d < -lim ? -1 : 0;
    if (dir !== 0) this.bigNow[w] = dir;
    const aw = Math.max(aHow, 1 / ++this.howN[w]);
    this.how[w] += aw * clip(d, dir !== 0 && dir === this.bigBefore[w] ? 3 * lim : lim);
  }
}

function clip(v: number, lim: number): number {
  return v > lim ? lim : v < -lim ? -lim : v;
}
