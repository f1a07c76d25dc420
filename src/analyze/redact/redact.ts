// PII redaction for log lines: applied before anything is stored or shown.
//
// Each rule is a pattern plus, where the pattern alone would also hit ordinary ids, a validator
// (RRN checksum, Luhn, date plausibility). Replacements name the rule (`<email>`), so a template
// miner sees a constant and a reader sees what was there. Counts per rule are kept.

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
   * Cheap pre-check: the line, its digit count, its longest run of digits, and the most digits in
   * one span of digits joined by single spaces or dashes (`4111 1111-1111 1111`). False skips the regex.
   */
  gate?: (line: string, digits: number, run: number, span: number) => boolean;
}

export interface RedactorOptions {
  /** Rules to run (default: all but the IP rules). */
  rules?: RedactRuleName[];
  /** Also redact IP addresses (off by default: they are rarely personal in server logs and needed for diagnosis). */
  ip?: boolean;
  /** Extra user rules, run after the built-in ones. */
  extra?: RedactRule[];
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

const SECRET_GATE = /pass|pwd|secret|token|key|auth/i;

/** The built-in rules, in the order they run (order matters: a URL password looks like an e-mail). */
export const BUILTIN_RULES: Record<RedactRuleName, RedactRule> = {
  'url-password': { name: 'url-password', gate: (l) => l.includes('://'), pattern: /\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:([^\s@/]+)@/gi, group: 1 },
  jwt: { name: 'jwt', gate: (l) => l.includes('eyJ'), pattern: /\beyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g },
  bearer: { name: 'bearer', gate: (l) => l.includes('Bearer') || l.includes('Basic') || l.includes('Token'), pattern: /\b(?:Bearer|Basic|Token)\s+([A-Za-z0-9\-._~+/]{8,}=*)/g, group: 1 },
  'kv-secret': {
    name: 'kv-secret',
    gate: (l) => SECRET_GATE.test(l),
    pattern: new RegExp(`(?<![A-Za-z0-9_])["']?(?:${SECRET_KEYS})["']?\\s*[:=]\\s*["']?((?:[^\\s"'&,;}]|&(?![\\w.-]+=))+)`, 'gi'),
    group: 1,
    validate: secretValueValid,
  },
  email: { name: 'email', gate: (l) => l.includes('@'), pattern: /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b/g },
  rrn: {
    name: 'rrn',
    gate: (_l, d, run) => d >= 13 && run >= 6, // both forms start with six digits in a row
    // With the hyphen always; without it only after a label that says what it is.
    pattern: /(?<![\d-])(\d{6}-[1-8]\d{6}|(?<=(?:rrn|jumin|주민(?:등록)?번호)\W{0,3})\d{13})(?![\d-])/gi,
    group: 1,
    validate: rrnValid,
  },
  card: { name: 'card', gate: (_l, _d, _r, span) => span >= 13, pattern: /(?<![\w.-])(?:\d[ -]?){12,18}\d(?![\w.-])/g, validate: cardValid },
  'phone-kr': {
    name: 'phone-kr',
    gate: (_l, d) => d >= 9,
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

function applyRule(line: string, rule: RedactRule, counts: Record<string, number>, digits: number, run: number, span: number): string {
  if (rule.gate && !rule.gate(line, digits, run, span)) return line;
  rule.pattern.lastIndex = 0;
  if (!rule.pattern.test(line)) return line;
  rule.pattern.lastIndex = 0;
  const tag = `<${rule.name}>`;
  return line.replace(rule.pattern, (...args: unknown[]) => {
    const whole = args[0] as string;
    const g = rule.group ?? 0;
    const text = g === 0 ? whole : (args[g] as string | undefined);
    if (text === undefined || text === '') return whole;
    if (rule.validate && !rule.validate(text, whole)) return whole;
    counts[rule.name] = (counts[rule.name] ?? 0) + 1;
    if (g === 0) return tag;
    const at = whole.lastIndexOf(text);
    return whole.slice(0, at) + tag + whole.slice(at + text.length);
  });
}

export function createRedactor(opts: RedactorOptions = {}): Redactor {
  const names = opts.rules ?? [...DEFAULT_ORDER, ...(opts.ip ? (['ipv4', 'ipv6'] as RedactRuleName[]) : [])];
  for (const n of names) if (!BUILTIN_RULES[n]) throw new Error(`unknown redaction rule: ${n} (known: ${Object.keys(BUILTIN_RULES).join(', ')})`);
  const rules = [...names.map((n) => BUILTIN_RULES[n]), ...(opts.extra ?? [])];
  for (const r of rules) if (!r.pattern.global) throw new Error(`redaction rule ${r.name}: pattern needs the g flag`);
  const counts: Record<string, number> = {};
  // Each rule has a cheap gate (a character it cannot match without, a digit count) so that
  // most lines skip most regexes.
  return {
    counts,
    redact(line: string): string {
      // Earlier rules only replace text with digit-free tags, so these stay upper bounds.
      let digits = 0, run = 0, cur = 0, span = 0, curSpan = 0, prev = 0;
      for (let i = 0; i < line.length; i++) {
        const c = line.charCodeAt(i);
        if (c >= 48 && c <= 57) {
          digits++;
          if (++cur > run) run = cur;
          if (++curSpan > span) span = curSpan;
        } else {
          cur = 0;
          // A single space or dash after a digit continues a span; anything else ends it.
          if (!((c === 32 || c === 45) && prev >= 48 && prev <= 57)) curSpan = 0;
        }
        prev = c;
      }
      let out = line;
      for (const r of rules) out = applyRule(out, r, counts, digits, run, span);
      return out;
    },
  };
}

/** One-shot convenience. */
export function redactLine(line: string, opts?: RedactorOptions): string {
  return createRedactor(opts).redact(line);
}
