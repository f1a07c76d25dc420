// The one scoring path shared by `hypercas anomaly --scores`, the anomaly report and bench/nab:
// optional counter → rate conversion, then the ensemble detector with its defaults.
import type { Series } from '../../model/telemetry.js';
import { scoreSeries, type DetectorOptions, type ScoreResult } from './detector.js';
import { counterToRate } from './prep.js';

export interface PipelineOptions extends DetectorOptions {
  /** The series is a monotonic counter (resets allowed): score its per-second rate. */
  counter?: boolean;
}

export function analyseSeries(s: Series, opts: PipelineOptions = {}, explain = false): ScoreResult & { values: ArrayLike<number> } {
  const values = opts.counter ? counterToRate(s.timestamps, s.values) : s.values;
  return { ...scoreSeries(s.timestamps, values, opts, explain), values };
}

/** Exactly one score in [0, 1] per sample of the series. */
export function scoresForSeries(s: Series, opts: PipelineOptions = {}): Float64Array {
  return analyseSeries(s, opts, false).scores;
}
