// Series preparation: counters (monotonic, resetting on restart) become per-second rates.

/**
 * Per-second rate of a counter. A decrease is a reset (process restart): the new value is the
 * increase since the reset, as Prometheus' rate() assumes. The first sample and samples without a
 * usable previous one (NaN, same or earlier timestamp) get NaN (missing, scored 0).
 */
export function counterToRate(ts: ArrayLike<number>, vs: ArrayLike<number>): Float64Array {
  const out = new Float64Array(vs.length).fill(NaN);
  let pv = NaN;
  let pt = NaN;
  for (let i = 0; i < vs.length; i++) {
    const v = vs[i];
    const t = ts[i];
    if (!Number.isFinite(v) || !Number.isFinite(t)) continue;
    if (Number.isFinite(pv) && t > pt) {
      const inc = v >= pv ? v - pv : v;
      out[i] = inc / ((t - pt) / 1000);
    }
    pv = v;
    pt = t;
  }
  return out;
}
