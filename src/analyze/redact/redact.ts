// PII redaction for log lines: applied before anything is stored or shown.
//
// Each rule is a pattern plus, where the pattern alone would also hit ordinary ids, a validator
// (RRN checksum, Luhn, date plausibility). Replacements name the rule (`<email>`), so a template
// miner sees a constant and a reader sees what was there. Counts per rule are kept. URL user-info
// is its own thing (`postgres://<url-user>:<url-password>@db`), never an e-mail.
//
// Speed: one pre-scan per line (lineFeatures: digit runs of the lengths the RRN, phone and card
// forms need) feeds a cheap gate per rule, so most lines run no regex at all. The gates must
// never change the output: a test runs gated and ungated redactors over a fuzzed corpus.

export type RedactRuleName =
  | 'url-password'
  | 'jwt'
  | 'bearer'
  | 'kv-secret'
  | 'email'
  | 'rrn'
  | 'card'
  | 'phone-kr'
  | 'phone-intl'
  | 'ipv4'
  | 'ipv6';

export interface RedactRule {
  name: string;
  pattern: RegExp;
  /** Index of the capture group to replace (0 = the whole match). */
  group?: number;
  /** Accept or reject a candidate (the text of `group`). */
  validate?: (text: string, whole: string) => boolean;
  /**
   * Cheap pre-check: the line, its digit count, its longest run of digits, the most digits in one
   * span of digits joined by single spaces or dashes (`4111 1111-1111 1111`) that starts where a
   * token can start (not after a letter, `_`, `.` or `-`), and finer digit-run features.
   * False skips the regex.
   */
  gate?: (line: string, digits: number, run: number, span: number, f: LineFeatures) => boolean;
  /**
   * Builds the replacement itself from the match (`m[0]` the whole, then the groups) and counts
   * what it redacts under its own names (a rule that redacts two things, like URL user-info).
   */
  replace?: (m: string[], count: (name: string) => void) => string;
}

/** Digit-run features of a line, computed in the one pre-scan every line gets. */
export interface LineFeatures {
  digits: number;
  run: number;
  span: number;
  /** A run of exactly 6 digits, `-`, a run of exactly 7 (the RRN form with its hyphen). */
  rrn: boolean;
  /** A run of exactly 13 digits (the RRN without hyphen, or epoch milliseconds). */
  run13: boolean;
  /**
   * A run of exactly 4 digits after a space, `.` or `-` and not followed by `-`, or a run of 10–11
   * digits starting `01` (the ends of every Korean phone form).
   */
  phoneKr: boolean;
}

export interface RedactorOptions {
  /** Rules to run (default: all but the IP rules). */
  rules?: RedactRuleName[];
  /** Also redact IP addresses (off by default: they are rarely personal in server logs and needed for diagnosis). */
  ip?: boolean;
  /** Extra user rules, run after the built-in ones. */
  extra?: RedactRule[];
  /** For tests: run every regex on every line (the gates must never change the output). */
  noGates?: boolean;
}

export interface Redactor {
  redact(line: string): string;
  /** Redactions made so far, per rule name. */
  readonly counts: Record<string, number>;
}

/** Luhn check over the digits of `s`. */
export function luhnValid(s: string): boolean {
  const d = s.replace(/\D/g, '');
  let sum = 0;
  for (let i = 0; i < d.length; i++) {
    let x = d.charCodeAt(d.length - 1 - i) - 48;
    if (i % 2 === 1) {
      x *= 2;
      if (x > 9) x -= 9;
    }
    sum += x;
  }
  return d.length > 0 && sum % 10 === 0;
}

/**
 * Korean resident registration number: YYMMDD-SXXXXXC, S in 1..8 (century/sex/foreigner),
 * a valid month and day, and the check digit (weights 2..9,2..5, (11 - sum mod 11) mod 10).
 */
export function rrnValid(s: string): boolean {
  const d = s.replace(/\D/g, '');
  if (d.length !== 13) return false;
  const mm = Number(d.slice(2, 4));
  const dd = Number(d.slice(4, 6));
  const g = Number(d[6]);
  if (mm < 1 || mm > 12 || dd < 1 || dd > 31 || g < 1 || g > 8) return false;
  const w = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += (d.charCodeAt(i) - 48) * w[i];
  return (11 - (sum % 11)) % 10 === d.charCodeAt(12) - 48;
}

function cardValid(s: string): boolean {
  const d = s.replace(/\D/g, '');
  // Payment card IINs start with 2 (Mastercard 2-series), 3, 4, 5 or 6.
  return d.length >= 13 && d.length <= 19 && /^[2-6]/.test(d) && luhnValid(d);
}

function ipv4Valid(s: string): boolean {
  return s.split('.').every((o) => o.length <= 3 && Number(o) <= 255 && !(o.length > 1 && o[0] === '0'));
}

function ipv6Valid(s: string): boolean {
  const dbl = s.split('::').length - 1;
  if (dbl > 1) return false;
  const groups = s.split(':');
  if (dbl === 0 && groups.length !== 8) return false;
  if (groups.some((g) => g.length > 4)) return false;
  return groups.filter((g) => g !== '').length >= 2;
}

const SECRET_KEYS =
  'password|passwd|pwd|pass|passphrase|secret|token|api[_-]?token|client_secret|api[_-]?key|apikey|access[_-]?key|secret[_-]?key|private[_-]?key|access_token|refresh_token|id_token|auth[_-]?token|session[_-]?token|x-api-key';

/**
 * A value after a secret-ish key. Generic keys (`token`, `key`, `auth`) also name ordinary things
 * (`token=Token{9f4e…}`, `stream/token: com.apple.xpc.activity`), so their values must look like
 * credentials: 8+ characters mixing letters and digits, not an object or a dotted name.
 */
function secretValueValid(v: string, whole: string): boolean {
  if (/^<[a-z-]+>$/.test(v) || /^\*+$/.test(v)) return false;
  const key = whole.replace(/^["']/, '').split(/["']?\s*[:=]/)[0].toLowerCase();
  if (!/^(token|key|auth|api[_-]?token)$/.test(key)) return true;
  if (v.length < 8 || !/\d/.test(v) || !/[A-Za-z]/.test(v)) return false;
  return !/[{}@]/.test(v) && !/^[a-z]+(\.[a-z]+)+/.test(v);
}

const SECRET_WORD = /pass|pwd|secret|token|key|auth/i;
const RRN_LABEL = /rrn|jumin|주민/i;
/** Last letters of the secret keys (lower case). */
const KEY_END = new Set([...'dsetny'].map((c) => c.charCodeAt(0)));

/**
 * Gate of kv-secret without a regex over the whole line: every secret key is followed (after an
 * optional quote and spaces) by `:` or `=`, so only the word before each `:`/`=` is looked at,
 * and it must contain one of the words every key contains.
 */
function secretGate(l: string): boolean {
  for (let sep = 58; sep !== -1; sep = sep === 58 ? 61 : -1) {
    for (let j = l.indexOf(sep === 58 ? ':' : '='); j >= 0; j = l.indexOf(sep === 58 ? ':' : '=', j + 1)) {
      let k = j - 1;
      while (k >= 0 && isSpace(l.charCodeAt(k))) k--;
      if (k >= 0 && (l.charCodeAt(k) === 34 || l.charCodeAt(k) === 39)) k--;
      // Every key ends in d, s, e, t, n or y (`password`, `pass`, `passphrase`, `secret`,
      // `token`, `api_key`): `10.0.0.1:8080`, `12:30`, `level=` stop here.
      if (k < 0 || !KEY_END.has(l.charCodeAt(k) | 32)) continue;
      const end = k + 1;
      for (; k >= 0; k--) {
        const c = l.charCodeAt(k);
        if (!(isLetter(c) || (c >= 48 && c <= 57) || c === 95 || c === 45)) break;
      }
      if (end - k > 3 && SECRET_WORD.test(l.slice(k + 1, end))) return true;
    }
  }
  return false;
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** `\s` of a regex, by character code. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c > 127 && /\s/.test(String.fromCharCode(c)));
}

/** The built-in rules, in the order they run (order matters: a URL password looks like an e-mail). */
export const BUILTIN_RULES: Record<RedactRuleName, RedactRule> = {
  // URL user-info (`scheme://user:password@host`, `https://token@host`): the password and the user
  // name (often a token or an account) both go; runs first, so user-info never reads as an e-mail.
  'url-password': {
    name: 'url-password',
    gate: (l) => l.includes('://') && l.includes('@'),
    pattern: /\b([a-z][a-z0-9+.-]*:\/\/)([^\s/?#@:<>]*)(?::([^\s/@]*))?@/gi,
    replace: (m, count) => {
      const [whole, scheme, user, pw] = m;
      if (!user && !pw) return whole;
      if (user) count('url-user');
      if (pw) count('url-password');
      return `${scheme}${user ? '<url-user>' : ''}${pw !== undefined ? ':' + (pw ? '<url-password>' : '') : ''}@`;
    },
  },
  jwt: { name: 'jwt', gate: (l) => l.includes('eyJ'), pattern: /\beyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g },
  bearer: { name: 'bearer', gate: (l) => l.includes('Bearer') || l.includes('Basic') || l.includes('Token'), pattern: /\b(?:Bearer|Basic|Token)\s+([A-Za-z0-9\-._~+/]{8,}=*)/g, group: 1 },
  'kv-secret': {
    name: 'kv-secret',
    gate: secretGate,
    pattern: new RegExp(`(?<![A-Za-z0-9_])["']?(?:${SECRET_KEYS})["']?\\s*[:=]\\s*["']?((?:[^\\s"'&,;}]|&(?![\\w.-]+=))+)`, 'gi'),
    group: 1,
    validate: secretValueValid,
  },
  // The lookbehind makes a match start only where a run of local-part characters starts: without
  // it the engine re-scans the run from every position in it (quadratic on long `a.b.c@x` words).
  email: { name: 'email', gate: (l) => l.includes('@'), pattern: /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b/g },
  rrn: {
    name: 'rrn',
    // A 6-7 run pair; a bare 13 run only after its label (epoch milliseconds are 13 digits too).
    gate: (l, _d, _r, _s, f) => f.rrn || (f.run13 && RRN_LABEL.test(l)),
    // With the hyphen always; without it only after a label that says what it is.
    pattern: /(?<![\d-])(\d{6}-[1-8]\d{6}|(?<=(?:rrn|jumin|주민(?:등록)?번호)\W{0,3})\d{13})(?![\d-])/gi,
    group: 1,
    validate: rrnValid,
  },
  card: { name: 'card', gate: (_l, _d, _r, span) => span >= 13, pattern: /(?<![\w.-])(?:\d[ -]?){12,18}\d(?![\w.-])/g, validate: cardValid },
  'phone-kr': {
    name: 'phone-kr',
    gate: (_l, d, _r, _s, f) => d >= 9 && f.phoneKr,
    pattern: /(?<![\d+-])(?:(?:\+82[ -]?|0)(?:1[016789]|2|[3-6][1-5]|70)[ .-]\d{3,4}[ .-]\d{4}|01[016789]\d{7,8})(?![\d-])/g,
  },
  'phone-intl': {
    name: 'phone-intl',
    gate: (l, d) => d >= 8 && l.includes('+'),
    pattern: /(?<![\w+])\+[1-9]\d{0,2}(?:[ .-]?\(?\d{1,4}\)?){2,5}(?![\d-])/g,
    validate: (s) => {
      const n = s.replace(/\D/g, '').length;
      return n >= 8 && n <= 15;
    },
  },
  ipv4: { name: 'ipv4', gate: (l, d) => d >= 4 && l.includes('.'), pattern: /(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.])/g, validate: ipv4Valid },
  ipv6: { name: 'ipv6', gate: (l) => l.includes(':'), pattern: /(?<![\w:.])[0-9a-fA-F]{0,4}(?::[0-9a-fA-F]{0,4}){2,7}(?![\w:])/g, validate: ipv6Valid },
};

const DEFAULT_ORDER: RedactRuleName[] = ['url-password', 'jwt', 'bearer', 'kv-secret', 'email', 'rrn', 'card', 'phone-kr', 'phone-intl'];

function applyRule(line: string, rule: RedactRule, counts: Record<string, number>, f: LineFeatures, noGates: boolean): string {
  if (rule.gate && !noGates && !rule.gate(line, f.digits, f.run, f.span, f)) return line;
  rule.pattern.lastIndex = 0;
  if (!rule.pattern.test(line)) return line;
  rule.pattern.lastIndex = 0;
  const tag = `<${rule.name}>`;
  const count = (name: string) => void (counts[name] = (counts[name] ?? 0) + 1);
  return line.replace(rule.pattern, (...args: unknown[]) => {
    const whole = args[0] as string;
    if (rule.replace) {
      // args: whole, groups..., offset, input (, named groups)
      const k = args.findIndex((a, i) => i > 0 && typeof a === 'number');
      return rule.replace(args.slice(0, k) as string[], count);
    }
    const g = rule.group ?? 0;
    const text = g === 0 ? whole : (args[g] as string | undefined);
    if (text === undefined || text === '') return whole;
    if (rule.validate && !rule.validate(text, whole)) return whole;
    count(rule.name);
    if (g === 0) return tag;
    const at = whole.lastIndexOf(text);
    return whole.slice(0, at) + tag + whole.slice(at + text.length);
  });
}

/** `_`, `.`, `-`, letters and digits: a card number cannot start right after one. */
function wordDotDash(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 46 || c === 45;
}

/** One pass over the line's characters: the digit features every gate reads (see LineFeatures). */
export function lineFeatures(line: string, f: LineFeatures = { digits: 0, run: 0, span: 0, rrn: false, run13: false, phoneKr: false }): LineFeatures {
  let digits = 0, run = 0, span = 0, curSpan = 0, rrn = false, run13 = false, phoneKr = false;
  // Whether the current span is one a card number could start in (see RedactRule.gate).
  let clean = false;
  let prevStart = -2, prevEnd = -2;
  const n = line.length;
  let i = 0;
  while (i < n) {
    let c = line.charCodeAt(i);
    if (c > 57 || c < 48) {
      i++;
      continue;
    }
    // A run of digits from `start` to `i` (exclusive).
    const start = i;
    const p = start > 0 ? line.charCodeAt(start - 1) : -1;
    // A single space or dash right after the previous run continues its span.
    if (!(clean && prevEnd === start - 1 && (p === 32 || p === 45))) {
      clean = p < 0 || !wordDotDash(p);
      curSpan = 0;
    }
    i++;
    while (i < n && (c = line.charCodeAt(i)) <= 57 && c >= 48) i++;
    const L = i - start;
    const after = i < n ? line.charCodeAt(i) : -1;
    digits += L;
    if (L > run) run = L;
    if (clean && (curSpan += L) > span) span = curSpan;
    if (L === 13) run13 = true;
    else if (L === 7 && prevEnd === start - 1 && prevEnd - prevStart === 6 && p === 45) rrn = true;
    if (L === 4) {
      if ((p === 32 || p === 46 || p === 45) && after !== 45) phoneKr = true;
    } else if ((L === 10 || L === 11) && line.charCodeAt(start) === 48 && line.charCodeAt(start + 1) === 49) phoneKr = true;
    prevStart = start;
    prevEnd = i;
  }
  f.digits = digits;
  f.run = run;
  f.span = span;
  f.rrn = rrn;
  f.run13 = run13;
  f.phoneKr = phoneKr;
  return f;
}

export function createRedactor(opts: RedactorOptions = {}): Redactor {
  const names = opts.rules ?? [...DEFAULT_ORDER, ...(opts.ip ? (['ipv4', 'ipv6'] as RedactRuleName[]) : [])];
  for (const n of names) if (!BUILTIN_RULES[n]) throw new Error(`unknown redaction rule: ${n} (known: ${Object.keys(BUILTIN_RULES).join(', ')})`);
  const rules = [...names.map((n) => BUILTIN_RULES[n]), ...(opts.extra ?? [])];
  for (const r of rules) if (!r.pattern.global) throw new Error(`redaction rule ${r.name}: pattern needs the g flag`);
  const counts: Record<string, number> = {};
  // One pre-scan per line feeds every rule's gate (a character it cannot match without, digit
  // runs of the right lengths), so most lines skip most regexes. Reused: no object per line.
  const f: LineFeatures = { digits: 0, run: 0, span: 0, rrn: false, run13: false, phoneKr: false };
  const noGates = opts.noGates === true;
  return {
    counts,
    redact(line: string): string {
      lineFeatures(line, f);
      let out = line;
      for (const r of rules) {
        const next = applyRule(out, r, counts, f, noGates);
        // A replacement can only remove digits, but recompute so the gates stay exact.
        if (next !== out) lineFeatures((out = next), f);
      }
      return out;
    },
  };
}

/** One-shot convenience. */
export function redactLine(line: string, opts?: RedactorOptions): string {
  return createRedactor(opts).redact(line);
}
