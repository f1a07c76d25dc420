// Header parsing: a user format string (Loghub/logparser style) or auto-detected common formats.
//
// Format strings are the ones the Loghub benchmark uses: `<Field>` placeholders, the rest literal
// text in which a space matches any run of spaces, and regex syntax allowed as in logparser
// (`\[<Pid>\]`, optional groups `( \(<Address>\))?`). `<Content>` is the message.
export interface ParsedHeader {
  /** Header fields by placeholder name (Content excluded). */
  fields: Record<string, string>;
  message: string;
}

export interface HeaderParser {
  /** undefined when the line does not match the format (a malformed line, counted by callers). */
  parse(line: string): ParsedHeader | undefined;
  /** Just the message (no field object built): the hot path of template mining. */
  messageOf(line: string): string | undefined;
  readonly fieldNames: string[];
}

/** Compiles a format string into a parser (throws on a format without `<Content>`). */
export function compileFormat(format: string): HeaderParser {
  const parts = format.split(/(<[^<>]+>)/);
  const names: string[] = [];
  let re = '';
  for (const p of parts) {
    if (p === '') continue;
    const m = /^<([^<>]+)>$/.exec(p);
    if (m) {
      const name = m[1];
      names.push(name);
      re += name === 'Content' ? '([\\s\\S]*?)' : '(.*?)';
    } else {
      // Literal text: a space matches a run of spaces; groups the user wrote do not capture.
      re += p.replace(/ +/g, '\\s+').replace(/(^|[^\\])\((?!\?)/g, '$1(?:');
    }
  }
  if (!names.includes('Content')) throw new Error(`log format has no <Content> field: ${format}`);
  let rx: RegExp;
  try {
    rx = new RegExp('^' + re + '$');
  } catch (e) {
    throw new Error(`invalid log format ${JSON.stringify(format)}: ${(e as Error).message}`);
  }
  const contentAt = names.indexOf('Content');
  const fieldNames = names.filter((n) => n !== 'Content');
  const scan = literalScanner(parts);
  const scanContent = literalScanner(parts, contentAt);
  return {
    fieldNames,
    messageOf(line: string): string | undefined {
      if (scanContent) {
        const got = scanContent(line);
        if (got !== undefined) return got as string;
      }
      const m = rx.exec(line);
      return m ? (m[contentAt + 1] ?? '') : undefined;
    },
    parse(line: string): ParsedHeader | undefined {
      if (scan) {
        const got = scan(line) as string[] | undefined;
        if (got) {
          const fields: Record<string, string> = {};
          for (let i = 0; i < names.length; i++) if (i !== contentAt) fields[names[i]] = got[i];
          return { fields, message: got[contentAt] };
        }
      }
      const m = rx.exec(line);
      if (!m) return undefined;
      const fields: Record<string, string> = {};
      for (let i = 0; i < names.length; i++) if (i !== contentAt) fields[names[i]] = m[i + 1] ?? '';
      return { fields, message: m[contentAt + 1] ?? '' };
    },
  };
}

/**
 * A regex-free matcher for formats made of fields and plain literals (escapes allowed, no
 * groups or classes): each field runs to the first place its following literal matches, a
 * space in a literal matching a run of whitespace — the same first match the lazy regex finds
 * (when this finds none, the caller falls back to the regex). Several times faster than the regex.
 */
function literalScanner(parts: string[], only = -1): ((line: string) => string[] | string | undefined) | undefined {
  const items: Array<{ field: true } | { field: false; lit: string }> = [];
  for (const p of parts) {
    if (p === '') continue;
    if (/^<[^<>]+>$/.test(p)) {
      if (items.length && items[items.length - 1].field) return undefined; // adjacent fields: ambiguous
      items.push({ field: true });
    } else {
      if (/(^|[^\\])[()?*+|{}.^$]|\\[a-zA-Z0-9]/.test(p)) return undefined; // real regex syntax
      items.push({ field: false, lit: p.replace(/\\(.)/g, '$1') });
    }
  }
  const isWs = (c: number) => c === 32 || c === 9;
  /** Length matched by literal `lit` at `pos` in `line`, or -1. */
  const matchAt = (line: string, pos: number, lit: string): number => {
    let i = pos;
    for (let k = 0; k < lit.length; k++) {
      const c = lit.charCodeAt(k);
      if (c === 32) {
        while (k + 1 < lit.length && lit.charCodeAt(k + 1) === 32) k++;
        if (i >= line.length || !isWs(line.charCodeAt(i))) return -1;
        while (i < line.length && isWs(line.charCodeAt(i))) i++;
      } else {
        if (line.charCodeAt(i) !== c) return -1;
        i++;
      }
    }
    return i - pos;
  };
  // Monomorphic arrays for the hot loop.
  const n = items.length;
  const isField = items.map((it) => it.field);
  const lits = items.map((it) => (it.field ? '' : it.lit));
  const firsts = lits.map((l) => (l === '' ? -1 : l.charCodeAt(0)));
  const singleSpace = lits.map((l) => l === ' ');
  return (line: string) => {
    // With `only`, just that field is returned (a string: no array per line).
    const out: string[] | undefined = only < 0 ? [] : undefined;
    let one = '';
    const len = line.length;
    let pos = 0;
    let f = -1;
    for (let t = 0; t < n; t++) {
      if (!isField[t]) {
        const m = matchAt(line, pos, lits[t]);
        if (m < 0) return undefined;
        pos += m;
        continue;
      }
      f++;
      if (t + 1 === n) {
        if (out) out.push(line.slice(pos));
        else if (f === only) one = line.slice(pos);
        pos = len;
        continue;
      }
      let q = pos;
      let m = -1;
      if (singleSpace[t + 1]) {
        // The common case: the field runs to the next whitespace run.
        while (q < len) {
          const c = line.charCodeAt(q);
          if (c === 32 || c === 9) break;
          q++;
        }
        if (q < len) {
          let e = q + 1;
          while (e < len && isWs(line.charCodeAt(e))) e++;
          m = e - q;
        }
      } else {
        const lit = lits[t + 1];
        const first = firsts[t + 1];
        for (; q < len; q++) {
          const c = line.charCodeAt(q);
          if (first === 32 ? isWs(c) : c === first) {
            m = matchAt(line, q, lit);
            if (m >= 0) break;
          }
        }
      }
      if (m < 0) return undefined;
      if (out) out.push(line.slice(pos, q));
      else if (f === only) one = line.slice(pos, q);
      pos = q + m;
      t++;
    }
    if (pos !== len) return undefined;
    return out ?? one;
  };
}

/** Formats tried by auto-detection, most specific first. */
export const COMMON_FORMATS: Array<{ name: string; format: string }> = [
  // 2024-01-02T03:04:05.678Z INFO [component] message  /  2024-01-02 03:04:05,678 ERROR component - message
  { name: 'iso-level-bracket', format: '<Timestamp> <Level> \\[<Component>\\] <Content>' },
  { name: 'iso-level-dash', format: '<Timestamp> <Level> <Component> - <Content>' },
  { name: 'iso-level', format: '<Timestamp> <Level> <Content>' },
  // 2024-01-02 03:04:05,678 ERROR [component] message (log4j/logback/python default layouts)
  { name: 'iso2-level-bracket', format: '<Date> <Time> <Level> \\[<Component>\\] <Content>' },
  { name: 'iso2-level-dash', format: '<Date> <Time> <Level> <Component> - <Content>' },
  { name: 'iso2-level', format: '<Date> <Time> <Level> <Content>' },
  // Jan  2 03:04:05 host prog[123]: message (syslog)
  { name: 'syslog', format: '<Month> <Day> <Time> <Host> <Component>(\\[<Pid>\\])?: <Content>' },
];

const TS_FIELD = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}([.,]\d+)?(Z|[+-]\d{2}:?\d{2})?$/;
const LEVEL_FIELD = /^(TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|ERR|FATAL|CRITICAL|CRIT|SEVERE|PANIC)$/i;
const MONTHS = new Set(['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']);

function plausible(name: string, h: ParsedHeader): boolean {
  const f = h.fields;
  if (name.startsWith('iso2')) return TS_FIELD.test(`${f.Date} ${f.Time}`) && LEVEL_FIELD.test(f.Level ?? '');
  if (name.startsWith('iso')) return TS_FIELD.test(f.Timestamp ?? '') && LEVEL_FIELD.test(f.Level ?? '');
  if (name === 'syslog') return MONTHS.has(f.Month ?? '') && /^\d{2}:\d{2}:\d{2}$/.test(f.Time ?? '');
  return true;
}

/**
 * Picks the common format that parses most of the sample lines (at least half), or undefined
 * (then the whole line is the message).
 */
export function detectFormat(sample: string[]): HeaderParser | undefined {
  let best: { p: HeaderParser; n: number } | undefined;
  for (const f of COMMON_FORMATS) {
    const p = compileFormat(f.format);
    let n = 0;
    for (const l of sample) {
      const h = p.parse(l);
      if (h && plausible(f.name, h)) n++;
    }
    if (n * 2 >= sample.length && n > 0 && (!best || n > best.n)) best = { p, n };
  }
  return best?.p;
}
