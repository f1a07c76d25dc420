// NAB (Numenta Anomaly Benchmark) scoring, following numenta/NAB nab/sweeper.py and the
// normalisation in nab/runner.py:
// - each labelled window earns the scaled sigmoid of the relative position of its EARLIEST
//   detection (the sweeper keeps the max weighted score in a window, which is the earliest one);
//   a window with no detection costs fnWeight;
// - every detection outside windows costs fpWeight × sigmoid of its distance past the previous
//   window (relative to that window's width), or the full fpWeight before any window;
// - the first min(floor(0.15·n), 750) rows of each file are not scored (and windows lying only
//   there count for nothing);
// - one threshold per profile, chosen to maximise the summed score over all files jointly
//   (detection = score ≥ threshold);
// - normalised: 100·(raw − null)/(perfect − null), null = detecting nothing, perfect = tpWeight
//   per labelled window.

export interface CostProfile {
  tpWeight: number;
  fpWeight: number;
  fnWeight: number;
}

export const NAB_PROFILES: Record<'standard' | 'reward_low_FP_rate' | 'reward_low_FN_rate', CostProfile> = {
  standard: { tpWeight: 1, fpWeight: 0.11, fnWeight: 1 },
  reward_low_FP_rate: { tpWeight: 1, fpWeight: 0.22, fnWeight: 1 },
  reward_low_FN_rate: { tpWeight: 1, fpWeight: 0.11, fnWeight: 2 },
};

/** One scored file: timestamps (any comparable numbers, e.g. Unix ms), detector scores, and windows as [start, end] timestamps that occur in the file. */
export interface NabFile {
  name: string;
  timestamps: ArrayLike<number>;
  scores: ArrayLike<number>;
  windows: Array<[number, number]>;
}

export function scaledSigmoid(relativePosition: number): number {
  if (relativePosition >= 3.0) return -1.0;
  return 2 / (1 + Math.exp(5 * relativePosition)) - 1;
}

export function probationaryLength(rows: number, probationPercent = 0.15): number {
  return Math.min(Math.floor(probationPercent * rows), probationPercent * 5000);
}

/** Per-row scoring context for one file, independent of the threshold. */
interface Sweep {
  score: Float64Array;
  /** Weighted sweep score if this row is a detection (tp part or fp part). */
  sweep: Float64Array;
  /** Global window id for rows in a window, -1 outside, -2 in the probationary period. */
  window: Int32Array;
}

function sweepFile(f: NabFile, p: CostProfile, windowBase: number, probationPercent: number): Sweep {
  const n = f.timestamps.length;
  if (f.scores.length !== n) throw new Error(`${f.name}: ${f.scores.length} scores for ${n} rows`);
  const index = new Map<number, number>();
  for (let i = 0; i < n; i++) if (!index.has(f.timestamps[i])) index.set(f.timestamps[i], i);
  const wins = f.windows.map(([a, b], k) => {
    const l = index.get(a);
    const r = index.get(b);
    if (l === undefined || r === undefined) throw new Error(`${f.name}: window ${k} bounds not found among the timestamps`);
    return { l, r };
  });
  const maxTP = scaledSigmoid(-1.0);
  const prob = probationaryLength(n, probationPercent);
  const out: Sweep = { score: new Float64Array(n), sweep: new Float64Array(n), window: new Int32Array(n) };
  let w = 0;
  let cur = -1;
  let curR = -1;
  let curWidth = 0;
  let prevR = -1;
  let prevWidth = 0;
  for (let i = 0; i < n; i++) {
    if (cur < 0 && w < wins.length && i === wins[w].l) {
      cur = w;
      curR = wins[w].r;
      curWidth = curR - wins[w].l + 1;
      w++;
    }
    let s: number;
    if (cur >= 0) {
      s = (scaledSigmoid(-(curR - i + 1) / curWidth) * p.tpWeight) / maxTP;
    } else {
      // NAB divides by (width − 1): a one-row window yields an infinite distance, i.e. the full penalty.
      const pos = prevR < 0 ? 3.0 : prevWidth > 1 ? Math.abs(prevR - i) / (prevWidth - 1) : 3.0;
      s = scaledSigmoid(pos) * p.fpWeight;
    }
    out.score[i] = f.scores[i];
    out.sweep[i] = s;
    out.window[i] = i < prob ? -2 : cur >= 0 ? windowBase + cur : -1;
    if (cur >= 0 && i === curR) {
      prevR = curR;
      prevWidth = curWidth;
      cur = -1;
    }
  }
  return out;
}

export interface ProfileResult {
  threshold: number;
  raw: number;
  null: number;
  perfect: number;
  /** Normalised score: 0 = detect nothing, 100 = perfect. */
  score: number;
  /** Windows detected / detections outside windows (rows) / windows missed, at the chosen threshold. */
  tp: number;
  fp: number;
  fn: number;
}

/**
 * Scores a set of files under one profile with the threshold that maximises the joint raw score
 * (NAB's sweep: thresholds are the distinct detector scores, plus "detect nothing").
 */
export function nabScore(files: NabFile[], p: CostProfile, probationPercent = 0.15): ProfileResult {
  let totalWindows = 0;
  const sweeps: Sweep[] = [];
  for (const f of files) {
    sweeps.push(sweepFile(f, p, totalWindows, probationPercent));
    totalWindows += f.windows.length;
  }
  // Scorable rows, sorted by score descending.
  let m = 0;
  for (const s of sweeps) for (let i = 0; i < s.window.length; i++) if (s.window[i] !== -2) m++;
  const score = new Float64Array(m);
  const sweep = new Float64Array(m);
  const win = new Int32Array(m);
  let k = 0;
  for (const s of sweeps)
    for (let i = 0; i < s.window.length; i++)
      if (s.window[i] !== -2) {
        score[k] = s.score[i];
        sweep[k] = s.sweep[i];
        win[k] = s.window[i];
        k++;
      }
  const order = new Uint32Array(m);
  for (let i = 0; i < m; i++) order[i] = i;
  order.sort((a, b) => score[b] - score[a] || a - b);

  // Windows with at least one scorable row start at −fnWeight (missed); others count for nothing.
  const best = new Float64Array(totalWindows).fill(NaN);
  let nullScore = 0;
  for (let i = 0; i < m; i++)
    if (win[i] >= 0 && Number.isNaN(best[win[i]])) {
      best[win[i]] = -p.fnWeight;
      nullScore -= p.fnWeight;
    }
  let windowSum = nullScore;
  let fpSum = 0;
  let fp = 0;
  const scorableWins = countScorable(best);
  let bestRes = { threshold: 1.1, raw: nullScore, tp: 0, fp: 0, fn: scorableWins };
  let detectedWins = 0;
  for (let j = 0; j < m; ) {
    const t = score[order[j]];
    // Add every row at this score level, then evaluate threshold t (detection = score ≥ t).
    while (j < m && score[order[j]] === t) {
      const i = order[j++];
      const w = win[i];
      if (w < 0) {
        fpSum += sweep[i];
        fp++;
      } else {
        if (sweep[i] > best[w]) {
          if (best[w] === -p.fnWeight) detectedWins++;
          windowSum += sweep[i] - best[w];
          best[w] = sweep[i];
        }
      }
    }
    const raw = windowSum + fpSum;
    if (raw > bestRes.raw) bestRes = { threshold: t, raw, tp: detectedWins, fp, fn: scorableWins - detectedWins };
  }
  const perfect = totalWindows * p.tpWeight;
  return {
    threshold: bestRes.threshold,
    raw: bestRes.raw,
    null: nullScore,
    perfect,
    score: (100 * (bestRes.raw - nullScore)) / (perfect - nullScore),
    tp: bestRes.tp,
    fp: bestRes.fp,
    fn: bestRes.fn,
  };
}

function countScorable(best: Float64Array): number {
  let c = 0;
  for (let i = 0; i < best.length; i++) if (!Number.isNaN(best[i])) c++;
  return c;
}

/** All three profiles, each with its own optimal threshold. */
export function nabScoreAll(files: NabFile[], probationPercent = 0.15): Record<keyof typeof NAB_PROFILES, ProfileResult> {
  return {
    standard: nabScore(files, NAB_PROFILES.standard, probationPercent),
    reward_low_FP_rate: nabScore(files, NAB_PROFILES.reward_low_FP_rate, probationPercent),
    reward_low_FN_rate: nabScore(files, NAB_PROFILES.reward_low_FN_rate, probationPercent),
  };
}
