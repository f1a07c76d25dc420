// A small standard-cron evaluator (5 fields, names, ranges, steps, lists, @macros, @every) that
// finds the scheduled times *before* a moment, for cronjob-not-running. Times are UTC: the
// CronJob's timeZone / CRON_TZ= is not applied (callers allow a day of slack when one is set).

export interface CronSchedule {
  /** Allowed values per field; dom/dowStar record `*`/`?` for the day-of-month/day-of-week OR rule. */
  minute: Set<number>;
  hour: Set<number>;
  dom: Set<number>;
  month: Set<number>;
  dow: Set<number>;
  domStar: boolean;
  dowStar: boolean;
  /** Set for `@every <duration>`: fixed interval in ms. */
  everyMs?: number;
  /** True when a time zone was given (TZ=/CRON_TZ= prefix). */
  zoned: boolean;
}

const MACROS: Record<string, string> = {
  '@yearly': '0 0 1 1 *', '@annually': '0 0 1 1 *', '@monthly': '0 0 1 * *', '@weekly': '0 0 * * 0', '@daily': '0 0 * * *', '@midnight': '0 0 * * *', '@hourly': '0 * * * *',
};
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

function parseField(text: string, lo: number, hi: number, names?: string[], nameBase = 0): Set<number> | undefined {
  const out = new Set<number>();
  const val = (s: string): number | undefined => {
    const i = names?.indexOf(s.toUpperCase()) ?? -1;
    if (i >= 0) return i + nameBase;
    return /^\d+$/.test(s) ? Number(s) : undefined;
  };
  for (const part of text.split(',')) {
    const m = /^(\*|\?|[0-9A-Za-z]+)(?:-([0-9A-Za-z]+))?(?:\/(\d+))?$/.exec(part);
    if (!m) return undefined;
    let a: number | undefined;
    let b: number | undefined;
    if (m[1] === '*' || m[1] === '?') [a, b] = [lo, hi];
    else {
      a = val(m[1]);
      b = m[2] !== undefined ? val(m[2]) : m[3] !== undefined ? hi : a;
    }
    const step = m[3] !== undefined ? Number(m[3]) : 1;
    if (a === undefined || b === undefined || step < 1 || a < lo || b > hi || a > b) return undefined;
    for (let v = a; v <= b; v += step) out.add(v);
  }
  return out.size ? out : undefined;
}

function parseDuration(s: string): number | undefined {
  const re = /(\d+(?:\.\d+)?)(h|ms|m|s)/g;
  let total = 0;
  let seen = '';
  for (let m = re.exec(s); m; m = re.exec(s)) {
    total += Number(m[1]) * { h: 3_600_000, m: 60_000, s: 1000, ms: 1 }[m[2] as 'h' | 'm' | 's' | 'ms'];
    seen += m[0];
  }
  return seen === s && total > 0 ? total : undefined;
}

/** Parses a CronJob schedule; undefined when it is not one this evaluator understands. */
export function parseCron(schedule: unknown): CronSchedule | undefined {
  if (typeof schedule !== 'string') return undefined;
  let s = schedule.trim();
  const zoned = /^(CRON_)?TZ=\S+\s+/.test(s);
  s = s.replace(/^(CRON_)?TZ=\S+\s+/, '');
  const every = /^@every\s+(\S+)$/.exec(s);
  if (every) {
    const ms = parseDuration(every[1]);
    return ms ? { minute: new Set(), hour: new Set(), dom: new Set(), month: new Set(), dow: new Set(), domStar: true, dowStar: true, everyMs: ms, zoned } : undefined;
  }
  s = MACROS[s.toLowerCase()] ?? s;
  const f = s.split(/\s+/);
  if (f.length !== 5) return undefined;
  const minute = parseField(f[0], 0, 59);
  const hour = parseField(f[1], 0, 23);
  const dom = parseField(f[2], 1, 31);
  const month = parseField(f[3], 1, 12, MONTHS, 1);
  const dow0 = parseField(f[4], 0, 7, DAYS);
  if (!minute || !hour || !dom || !month || !dow0) return undefined;
  const dow = new Set([...dow0].map((d) => d % 7)); // 7 = Sunday
  return { minute, hour, dom, month, dow, domStar: /^[*?]/.test(f[2]), dowStar: /^[*?]/.test(f[4]), zoned };
}

const MIN = 60_000;
/** How far back to search before giving up (a schedule such as `0 0 30 2 *` never fires). */
const HORIZON = 5 * 366 * 86_400_000;

function dayMatches(c: CronSchedule, d: Date): boolean {
  const dom = c.dom.has(d.getUTCDate());
  const dow = c.dow.has(d.getUTCDay());
  // Standard cron: when both day fields are restricted, either may match.
  return c.domStar || c.dowStar ? dom && dow : dom || dow;
}

/** The latest scheduled time strictly before `before` (ms), or undefined if none within five years. */
export function prevFire(c: CronSchedule, before: number): number | undefined {
  if (c.everyMs) return before - c.everyMs;
  let t = Math.ceil(before / MIN) * MIN - MIN;
  const stop = before - HORIZON;
  while (t >= stop) {
    const d = new Date(t);
    const y = d.getUTCFullYear();
    const mo = d.getUTCMonth();
    const day = d.getUTCDate();
    const h = d.getUTCHours();
    if (!c.month.has(mo + 1)) t = Date.UTC(y, mo, 1) - MIN;
    else if (!dayMatches(c, d)) t = Date.UTC(y, mo, day) - MIN;
    else if (!c.hour.has(h)) t = Date.UTC(y, mo, day, h) - MIN;
    else if (!c.minute.has(d.getUTCMinutes())) t -= MIN;
    else return t;
  }
  return undefined;
}

/** The `n` latest scheduled times before `before`, newest first (fewer if the schedule is that sparse). */
export function prevFires(c: CronSchedule, before: number, n: number): number[] {
  const out: number[] = [];
  let t = before;
  while (out.length < n) {
    const p = prevFire(c, t);
    if (p === undefined) break;
    out.push(p);
    t = p;
  }
  return out;
}
