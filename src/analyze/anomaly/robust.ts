// Robust level and spread, updated in O(1) per point: an exponentially weighted mean whose input is
// clipped (Huber-style) at `clip` spreads, and an EW mean absolute deviation scaled to a standard
// deviation. Clipping keeps one outlier from moving the baseline; a real shift still moves it,
// at `alpha` per point, so the baseline follows a new regime within a few 1/alpha points.

/** 1.2533 = sqrt(pi/2): mean absolute deviation → standard deviation for Gaussian noise. */
const MAD_TO_SD = 1.2533;

export class RobustEw {
  mean = 0;
  /** EW mean absolute deviation (not yet scaled to an SD). */
  mad = 0;
  n = 0;
  constructor(
    readonly alpha: number,
    readonly clip = 3,
  ) {}

  /** Standard-deviation-like spread, floored so a constant series does not divide by zero. */
  sd(floor: number): number {
    const s = this.mad * MAD_TO_SD;
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
  }
}
