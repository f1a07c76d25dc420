// Turns per-point scores into anomaly episodes: an episode opens at a point whose score reaches
// the threshold and stays open while the raw (unfiltered) score stays above half the threshold's
// surprise, allowing short dips; its peak is the highest raw score in it.
import type { Component, Explanation } from './detector.js';

export interface Anomaly {
  /** Row indices, inclusive. */
  startIndex: number;
  endIndex: number;
  start: number;
  end: number;
  peakIndex: number;
  /** Timestamp of the peak. */
  peak: number;
  peakScore: number;
  /** At the onset (startIndex): what fired first. */
  observed: number;
  expected: number;
  /** Half-width of the expected band at the onset. */
  band: number;
  component: Component;
  z: number;
  /** What the component compared with when not `expected` (previous extreme for `range`, longest earlier run for `flat`). */
  reference?: number;
  explanation: string;
}

export interface EpisodeOptions {
  /**
   * Score at which an anomaly opens (default 0.999: p ≤ 1/1000 against the series' own history,
   * after the multiple-component correction). NAB's optimum on the development data is ≈ 0.99.
   */
  threshold?: number;
  /** Rows below the continuation level tolerated inside an episode (default 3). */
  maxDip?: number;
}

const COMPONENT_TEXT: Record<Component, string> = {
  level: 'value far from its running level',
  seasonal: 'value far from what this time of day/week usually shows',
  shift: 'the level has shifted and stays shifted',
  spread: 'the variability has changed',
  driver: 'value not explained by its driver series',
  flat: 'the value has stopped changing for longer than ever before',
  range: 'value beyond anything this series has shown before',
  none: '',
  missing: '',
};

function fmt(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  return a !== 0 && (a >= 1e6 || a < 1e-3) ? v.toExponential(3) : String(Number(v.toPrecision(4)));
}

export function describe(c: Component, observed: number, expected: number, band: number, z: number, recent = NaN, reference = NaN): string {
  const dir = observed >= expected ? 'above' : 'below';
  if (c === 'spread') {
    return `${COMPONENT_TEXT[c]}: recent deviations ${fmt(Math.pow(2, z))}× their usual size; observed ${fmt(observed)}, expected ${fmt(expected)} ± ${fmt(band)} [${c}]`;
  }
  if (c === 'range') {
    return `${COMPONENT_TEXT[c]}: observed ${fmt(observed)}, previous ${z >= 0 ? 'maximum' : 'minimum'} ${fmt(reference)} (${fmt(Math.abs(z))} robust SD ${z >= 0 ? 'above' : 'below'} it); expected ${fmt(expected)} ± ${fmt(band)} [${c}]`;
  }
  if (c === 'flat') {
    return `${COMPONENT_TEXT[c]}: unchanged at ${fmt(observed)} for ${fmt(z)} samples, the longest earlier run was ${fmt(reference)} [${c}]`;
  }
  if (c === 'shift' && Number.isFinite(recent)) {
    return `${COMPONENT_TEXT[c]}: recent mean ${fmt(recent)}, expected ${fmt(expected)} ± ${fmt(band)} (last value ${fmt(observed)}; shift of ${fmt(Math.abs(z))} robust SD ${recent >= expected ? 'up' : 'down'}) [${c}]`;
  }
  return `${COMPONENT_TEXT[c]}: observed ${fmt(observed)}, expected ${fmt(expected)} ± ${fmt(band)} (${fmt(Math.abs(z))} robust SD ${dir}) [${c}]`;
}

export function findAnomalies(
  timestamps: ArrayLike<number>,
  values: ArrayLike<number>,
  scores: ArrayLike<number>,
  ex: Explanation,
  opts: EpisodeOptions = {},
): Anomaly[] {
  const thr = opts.threshold ?? 0.999;
  const maxDip = opts.maxDip ?? 3;
  // Continue while the raw surprise is at least half the opening surprise.
  const contSurprise = -Math.log10(1 - Math.min(thr, 1 - 1e-15)) / 2;
  const cont = 1 - Math.pow(10, -contSurprise);
  const out: Anomaly[] = [];
  let i = 0;
  const n = scores.length;
  while (i < n) {
    if (!(scores[i] >= thr)) {
      i++;
      continue;
    }
    const startIndex = i;
    let endIndex = i;
    let peak = i;
    let dip = 0;
    for (let j = i + 1; j < n; j++) {
      if (ex.raw[j] >= cont || scores[j] >= thr) {
        endIndex = j;
        dip = 0;
        if (ex.raw[j] > ex.raw[peak]) peak = j;
      } else if (++dip > maxDip) break;
    }
    // Explained at its onset (what fired first); the peak gives the score.
    const at = startIndex;
    const c = ex.component[at];
    out.push({
      startIndex,
      endIndex,
      start: timestamps[startIndex],
      end: timestamps[endIndex],
      peakIndex: peak,
      peak: timestamps[peak],
      peakScore: Math.max(ex.raw[peak], scores[startIndex]),
      observed: values[at],
      expected: ex.expected[at],
      band: ex.band[at],
      component: c,
      z: ex.z[at],
      ...(Number.isFinite(ex.reference[at]) ? { reference: ex.reference[at] } : {}),
      explanation: describe(c, values[at], ex.expected[at], ex.band[at], ex.z[at], ex.recent[at], ex.reference[at]),
    });
    i = endIndex + 1;
  }
  return out;
}
