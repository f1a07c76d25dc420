// Calibrates a positive deviation statistic into a tail probability against the series' OWN history
// of that statistic: p = the (optionally forgetting) fraction of past points whose statistic was at
// least as large. A heavy-tailed, jumpy series thus needs a larger deviation for the same score than
// a quiet one, which makes one threshold work across series. Beyond the largest value seen, p keeps
// shrinking with the excess (p ∝ (max/z)^k, a Pareto tail), so bigger records rank higher.
// The statistic is kept in a histogram of log2 values (1/8-octave bins) inside a Fenwick tree, so
// both learning and querying cost O(log bins) per point.

const BINS = 256; // power of two for the Fenwick tree
const PER_OCTAVE = 8;
const LOW = -8; // 2^-8 … 2^24

export class TailCalibrator {
  private readonly tree = new Float64Array(BINS + 1);
  /** Weight of the next added point (grows instead of decaying every count). */
  private w = 1;
  private totalW = 0;
  private maxZ = 0;
  readonly shrinkTol: number;

  constructor(
    /** Per-point forgetting factor (1 = never forget). */
    readonly decay = 1,
    /** Past values up to this many octaves below z still count as "as large" (see tail()). */
    tolOctaves = 0.25,
    /** Tail beyond the largest value seen: p ∝ (max/z)^recordExponent (a Pareto tail). */
    readonly recordExponent = 2,
  ) {
    this.shrinkTol = Math.pow(2, -tolOctaves);
  }

  private bin(z: number): number {
    if (!(z > 0)) return 0;
    const b = Math.floor((Math.log2(z) - LOW) * PER_OCTAVE);
    return b < 0 ? 0 : b >= BINS ? BINS - 1 : b;
  }

  /** Sum of weights in bins [0, b). */
  private prefix(b: number): number {
    let s = 0;
    for (let i = b; i > 0; i -= i & -i) s += this.tree[i];
    return s;
  }

  /** Effective number of points learned. */
  get count(): number {
    return this.totalW / this.w;
  }

  /** Tail probability of z among past statistics (call before `add(z)`). */
  tail(z: number): number {
    if (this.totalW <= 0 || !(z > 0)) return 1;
    const n = this.totalW / this.w;
    // A series whose spikes are all alike must not turn each slightly bigger one into a record.
    const zt = z * this.shrinkTol;
    if (zt > this.maxZ) {
      // After a history of zeros (a constant series) compare with 1 (one spread unit).
      const r = this.maxZ > 0 ? this.maxZ / zt : 1 / Math.max(zt, 1);
      return (0.5 / (n + 1)) * Math.pow(r, this.recordExponent);
    }
    const b = this.bin(zt);
    const below = this.prefix(b);
    const own = this.prefix(b + 1) - below;
    // Half of the own bin counts as "at least as large" (linear interpolation within the bin).
    const ge = (this.totalW - below - 0.5 * own) / this.w;
    return (ge + 0.5) / (n + 1);
  }

  /** Tail probability of z, then learn z unless it is rarer than `skipBelow` (anomalies must not become the norm). */
  tailAndAdd(z: number, skipBelow: number): number {
    const p = this.tail(z);
    // Only once the history is long enough for such a p to be meaningful at all.
    if (p >= skipBelow || this.count * skipBelow < 2) this.add(z);
    return p;
  }

  add(z: number): void {
    if (this.decay < 1) {
      this.w /= this.decay;
      this.maxZ *= this.decay;
      if (this.w > 1e100) this.rescale();
    }
    for (let i = this.bin(z) + 1; i <= BINS; i += i & -i) this.tree[i] += this.w;
    this.totalW += this.w;
    if (z > this.maxZ) this.maxZ = z;
  }

  private rescale(): void {
    for (let i = 0; i <= BINS; i++) this.tree[i] /= this.w;
    this.totalW /= this.w;
    this.w = 1;
  }
}
