// Robust level and spread, updated in O(1) per point: an exponentially weighted mean whose input is
// clipped (Huber-style) at `clip` spreads, and an EW mean absolute deviation scaled to a standard
// deviation. Clipping keeps one outlier from moving the baseline; a real shift still moves it,
// at `alpha` per point, so the baseline follows a new regime within a few 1/alpha points.
// The clip has a failure mode: on a series that is mostly one value (an error counter that is 0
// 98 % of the time) every other value is clipped, the level sinks towards the common value and
// the clipped spread decays towards 0 exponentially (≈ e^(−0.8·alpha·n)), so the same ordinary
// blip looks ever more extreme (z 1,000 → 10,000 over 60,000 points). `rawFloor` keeps the spread
// at least that fraction of the unclipped mean absolute deviation; on ordinary noise the clipped
// and unclipped deviations are about equal and the floor never binds.

/** 1.2533 = sqrt(pi/2): mean absolute deviation → standard deviation for Gaussian noise. */
const MAD_TO_SD = 1.2533;

export class RobustEw {
  mean = 0;
  /** EW mean absolute deviation (not yet scaled to an SD). */
  mad = 0;
  n = 0;
  /** EW mean absolute deviation without the clip (for the floor below). */
  rawMad = 0;
  /** max(mad, rawFloor · rawMad): what sd() scales. */
  private floored = 0;
  constructor(
    readonly alpha: number,
    readonly clip = 3,
    /** The spread is at least this fraction of the unclipped one (0 = no such floor). */
    readonly rawFloor = 0,
  ) {}

  /** Standard-deviation-like spread, floored so a constant series does not divide by zero. */
  sd(floor: number): number {
    const s = this.floored * MAD_TO_SD;
    return s > floor ? s : floor;
  }

  update(x: number): void {
    this.n++;
    if (this.n === 1) {
      this.mean = x;
      return;
    }
    // Faster adaptation while young (1/n) so the first points do not dominate for 1/alpha points.
    const a = Math.max(this.alpha, 1 / this.n);
    const r = x - this.mean;
    const lim = this.clip * this.mad * MAD_TO_SD;
    const rc = this.n > 5 && lim > 0 ? (r > lim ? lim : r < -lim ? -lim : r) : r;
    this.mean += a * rc;
    const ar = r < 0 ? -r : r;
    this.mad += a * ((lim > 0 && this.n > 5 && ar > 2 * lim ? 2 * lim : ar) - this.mad);
    this.rawMad += a * (ar - this.rawMad);
    const f = this.rawFloor * this.rawMad;
    this.floored = this.mad > f ? this.mad : f;
  }
}
