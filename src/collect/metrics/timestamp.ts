// Timestamps as they appear in metric files: RFC 3339 / ISO 8601, NAB's `YYYY-MM-DD HH:MM:SS[.ffffff]`
// (read as UTC), or Unix epoch numbers (seconds, or milliseconds when too large to be seconds).

const NAIVE = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?$/;

/** Unix milliseconds, or NaN when the text is not a timestamp. */
export function parseTimestamp(text: string): number {
  const s = text.trim();
  if (s === '') return NaN;
  if (/^-?\d+(\.\d+)?$/.test(s)) {
    const v = Number(s);
    // 1e11 s is the year 5138; anything above it is milliseconds.
    return Math.abs(v) >= 1e11 ? v : v * 1000;
  }
  const m = NAIVE.exec(s);
  if (m) {
    const ms = m[7] ? Number((m[7] + '000').slice(0, 3)) : 0;
    const t = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], m[6] ? +m[6] : 0, ms);
    // Reject 2021-02-30 and the like: Date.UTC silently rolls them over.
    const d = new Date(t);
    return d.getUTCDate() === +m[3] && d.getUTCMonth() === +m[2] - 1 ? t : NaN;
  }
  // Only accept the ISO shape with an explicit offset; Date.parse accepts too much otherwise.
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(s)) return Date.parse(s);
  return NaN;
}
