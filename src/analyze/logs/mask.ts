// Variable masking for template mining: one char scan per line, no regex in the hot path.
//
// The output follows the conventions of the corrected Loghub templates (Khan et al. 2022,
// Loghub-2.0): a line is split on whitespace into tokens, a token into segments at structural
// delimiters (`,;:=|"'[](){}<>!`), which are kept; a segment into parts at `.-@/#+$%&`.
// A part that carries a digit is a variable (`<*>`) unless it is a short name with a numeric
// suffix such as `en0`, `ssh2`, `CI46`; a segment that is a path (`/a/b`), a Kubernetes
// generated name or a boolean is one variable. Adjacent variables joined by `.`, `@`, `/`, `#`,
// `+` collapse into one (DV rule), as do directly adjacent ones (CV rule); `-` and `:` are kept
// (`<*>-<*>-<*>` for dates, `<*>:<*>` for host:port) because that is what the templates do.

export const VAR = '<*>';

const C_0 = 48, C_9 = 57, C_A = 65, C_Z = 90, C_a = 97, C_z = 122;
const C_SLASH = 47, C_DASH = 45, C_UNDERSCORE = 95;

/** Structural delimiters: kept verbatim, they bound segments. */
const SEG_DELIM = new Uint8Array(128);
for (const c of ',;:=|"\'[](){}<>!') SEG_DELIM[c.charCodeAt(0)] = 1;
/** Delimiters inside a segment: bound the parts that may be variables. */
const PART_DELIM = new Uint8Array(128);
for (const c of '.-@/#+$%&*~^?') PART_DELIM[c.charCodeAt(0)] = 1;
const DELIM_STR: string[] = [];
for (let c = 0; c < 128; c++) DELIM_STR.push(String.fromCharCode(c));
/** Part delimiters across which two variables collapse into one. */
const COLLAPSE = new Uint8Array(128);
for (const c of '.@/#+') COLLAPSE[c.charCodeAt(0)] = 1;

function isDigit(c: number): boolean {
  return c >= C_0 && c <= C_9;
}
function isAlpha(c: number): boolean {
  return (c >= C_a && c <= C_z) || (c >= C_A && c <= C_Z);
}
function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 10 || c === 11 || c === 12;
}

/** Words that are values whatever they look like (Khan et al.'s BL rule). */
// Plus the default user strings of their US rule (null, root, admin), which are values wherever
// they stand alone.
const VALUE_WORDS = new Set(['true', 'false', 'True', 'False', 'TRUE', 'FALSE', 'null', 'Null', 'NULL', 'root', 'admin']);

const TLDS = new Set(['com', 'net', 'org', 'edu', 'gov', 'mil', 'int', 'io', 'info', 'biz', 'local', 'internal', 'lan', 'corp', 'arpa', 'cluster']);
const PKG_ROOTS = new Set(['com', 'org', 'net', 'edu', 'io', 'java', 'javax', 'android', 'sun', 'jdk', 'kotlin', 'scala']);

/** `www.example.com`, `ec2-1-2-3-4.compute.amazonaws.com.cn`, not `org.apache.log` (a package). */
export function isHostname(seg: string): boolean {
  const n = seg.length;
  let labels = 1, labelStart = 0, firstEnd = -1, lastAllLower = true;
  for (let k = 0; k < n; k++) {
    const c = seg.charCodeAt(k);
    if (c === 46) {
      if (k === labelStart || seg.charCodeAt(k - 1) === C_DASH) return false;
      if (firstEnd < 0) firstEnd = k;
      labels++;
      labelStart = k + 1;
      lastAllLower = true;
    } else if (c >= C_a && c <= C_z) {
      // ok
    } else if (isDigit(c) || (c >= C_A && c <= C_Z) || (c === C_DASH && k > labelStart)) {
      lastAllLower = false;
    } else return false;
  }
  if (labels < 2 || labelStart >= n || !lastAllLower) return false;
  if (PKG_ROOTS.has(seg.slice(0, firstEnd).toLowerCase())) return false;
  const lastLen = n - labelStart;
  return (lastLen === 2 && labels >= 3) || (lastLen <= 8 && TLDS.has(seg.slice(labelStart)));
}

/** A host part of `host:port`: an IP, a hostname, or a name with digits (`msra-sa-41`). */
function isHostLike(seg0: string): boolean {
  const seg = seg0.charCodeAt(0) === C_SLASH ? seg0.slice(1) : seg0;
  if (seg === '') return false;
  let letters = false, digits = false, dots = false;
  for (let k = 0; k < seg.length; k++) {
    const c = seg.charCodeAt(k);
    if (c === 46) dots = true;
    else if (isDigit(c)) digits = true;
    else if (isAlpha(c)) letters = true;
    else if (c !== C_DASH && c !== C_SLASH) return false; // `host/10.0.0.1` (Java's InetAddress form)
  }
  if (!letters) return digits && dots; // 10.0.0.1
  // With a port after it, a dotted name ending in a short lowercase label is a host (`csdnimg.cn`).
  return digits || isHostname(seg) || (dots && /\.[a-z]{2,6}$/.test(seg) && !PKG_ROOTS.has(seg.slice(0, seg.indexOf('.')).toLowerCase()));
}

function isPort(s: string, a: number, b: number): boolean {
  if (b - a < 1 || b - a > 5) return false;
  for (let k = a; k < b; k++) if (!isDigit(s.charCodeAt(k))) return false;
  return true;
}

/** `en0`, `ssh2`, `CI46`, `IPv6`: up to five letters then at most two digits — a name, not a value
 * (longer ones, `AppleThunderboltNHIType2`, are instance names in practice). */
function isNamedSuffix(s: string, a: number, b: number): boolean {
  let i = a;
  while (i < b && isAlpha(s.charCodeAt(i))) i++;
  if (i === a || b - i > 2 || i === b || i - a > 5) return false;
  for (let k = i; k < b; k++) if (!isDigit(s.charCodeAt(k))) return false;
  return true;
}

/** `0userId`: a digit glued to a word of four or more letters (not hex) is text, not a value. */
function isGluedWord(s: string, a: number, b: number): boolean {
  let i = a;
  while (i < b && isDigit(s.charCodeAt(i))) i++;
  if (i === a || i - a > 2 || b - i < 4) return false;
  if (s.charCodeAt(a) === 48 && (s.charCodeAt(a + 1) | 32) === 120) return false; // 0x… is hex
  let nonHex = false;
  for (let k = i; k < b; k++) {
    const c = s.charCodeAt(k);
    if (!isAlpha(c)) return false;
    if (!isHexLetter(c)) nonHex = true;
  }
  return nonHex;
}

/** Kubernetes generated names: `<base>-<hash 6..10>-<5>` (ReplicaSet pods) or `<base>-<5>`. */
function isKubeGenerated(seg: string): boolean {
  const n = seg.length;
  if (n < 8 || seg.charCodeAt(n - 6) !== C_DASH) return false;
  let digits = 0;
  for (let k = n - 5; k < n; k++) {
    const c = seg.charCodeAt(k);
    if (isDigit(c)) digits++;
    else if (c < C_a || c > C_z) return false;
  }
  // The 5-char suffix alphabet has no vowels; insist on a digit or a second hash to avoid words.
  const prev = seg.lastIndexOf('-', n - 7);
  if (prev > 0) {
    const h = n - 6 - prev - 1;
    if (h >= 6 && h <= 10) {
      let ok = true, hd = 0;
      for (let k = prev + 1; k < n - 6; k++) {
        const c = seg.charCodeAt(k);
        if (isDigit(c)) hd++;
        else if (c < C_a || c > C_z) ok = false;
      }
      if (ok && hd > 0) return true;
    }
  }
  if (digits === 0 || digits === 5) return false;
  for (let k = 0; k < n - 6; k++) {
    const c = seg.charCodeAt(k);
    if (!(isDigit(c) || (c >= C_a && c <= C_z) || (c === C_DASH && k > 0))) return false;
  }
  return true;
}

/** `/a/b/c`: every component non-empty (so `//host/x` of a URL is not a path). */
function isPath(s: string, a: number, b: number): boolean {
  if (b - a < 2 || s.charCodeAt(a) !== C_SLASH) return false;
  let prevSlash = true;
  for (let k = a + 1; k < b; k++) {
    const c = s.charCodeAt(k);
    if (c === C_SLASH) {
      if (prevSlash) return false;
      prevSlash = true;
    } else prevSlash = false;
  }
  return !prevSlash;
}

function maskSegment(s: string, a: number, b: number): string {
  if (a >= b) return '';
  let hasDigit = false;
  for (let k = a; k < b; k++) {
    if (isDigit(s.charCodeAt(k))) {
      hasDigit = true;
      break;
    }
  }
  if (isPath(s, a, b)) return VAR;
  const seg = s.slice(a, b);
  if (!hasDigit) return VALUE_WORDS.has(seg) || isHexWord(seg) || (seg.indexOf('.') > 0 && isHostname(seg)) ? VAR : seg;
  if (seg.indexOf('.') > 0 && isHostname(seg)) return VAR;
  if (isKubeGenerated(seg)) return VAR;
  // Split into parts; a '-' directly before a digit and after a non-alphanumeric is a sign.
  let out = '';
  let p = a;
  let lastWasVar = false;
  let pendingDelim = '';
  for (let k = a; k <= b; k++) {
    const c = k < b ? s.charCodeAt(k) : -1;
    if (c !== -1 && !(c < 128 && PART_DELIM[c] === 1)) continue;
    if (c === C_DASH && k + 1 < b && isDigit(s.charCodeAt(k + 1)) && (k === a || (!isAlpha(s.charCodeAt(k - 1)) && !isDigit(s.charCodeAt(k - 1))))) {
      if (k === p || s.charCodeAt(k - 1) === C_UNDERSCORE) continue; // sign of the number that follows
    }
    // part [p, k)
    let partHasDigit = false;
    for (let q = p; q < k; q++) {
      if (isDigit(s.charCodeAt(q))) {
        partHasDigit = true;
        break;
      }
    }
    const isVar = partHasDigit && !isNamedSuffix(s, p, k) && !isGluedWord(s, p, k);
    if (isVar) {
      if (lastWasVar && (pendingDelim === '' || (pendingDelim.length === 1 && COLLAPSE[pendingDelim.charCodeAt(0)] === 1))) {
        // collapse into the previous variable
      } else {
        out += pendingDelim + VAR;
      }
      lastWasVar = true;
    } else if (k > p) {
      out += pendingDelim + s.slice(p, k);
      lastWasVar = false;
    } else {
      out += pendingDelim;
      if (pendingDelim !== '') lastWasVar = false;
    }
    pendingDelim = c === -1 ? '' : DELIM_STR[c];
    p = k + 1;
  }
  return out + pendingDelim;
}

/** Whether a segment [a,b) is one of VALUE_WORDS (no allocation unless the length fits). */
function isValueWord(s: string, a: number, b: number): boolean {
  const n = b - a;
  if (n !== 4 && n !== 5) return false;
  const c = s.charCodeAt(a) | 32;
  if (c !== 116 && c !== 102 && c !== 110 && c !== 114 && c !== 97) return false; // t f n r a
  return VALUE_WORDS.has(s.slice(a, b));
}

/**
 * Whether a token needs masking at all. Most tokens are plain words: this scan decides so
 * without allocating, and the caller then copies whole runs of plain tokens in one slice.
 */
function needsMask(s: string, a: number, b: number): boolean {
  let segStart = a;
  let allHex = true;
  for (let k = a; k < b; k++) {
    const c = s.charCodeAt(k);
    if ((c >= C_0 && c <= C_9) || c === C_SLASH || c === 46) return true;
    if (c < 128 && SEG_DELIM[c] === 1) {
      if (isValueWord(s, segStart, k) || (allHex && k - segStart >= 8)) return true;
      segStart = k + 1;
      allHex = true;
    } else if (allHex && !isHexLetter(c)) allHex = false;
  }
  return isValueWord(s, segStart, b) || (allHex && b - segStart >= 8);
}

function isHexLetter(c: number): boolean {
  return (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}

/** `ffffffff`, `DEADBEEF`: eight or more hex letters are a value even without a digit. */
function isHexWord(seg: string): boolean {
  if (seg.length < 8) return false;
  for (let k = 0; k < seg.length; k++) if (!isHexLetter(seg.charCodeAt(k))) return false;
  return true;
}

/** Masks one whitespace-free token. */
export function maskToken(s: string, a: number, b: number): string {
  return needsMask(s, a, b) ? maskTokenSlow(s, a, b) : s.slice(a, b);
}

/** Punctuation after a path that is sentence, not path (a final `.` stays in: file names end so). */
const TRAILING_PUNCT = ',;:)]}\'"';

function maskTokenSlow(s: string, a: number, b: number): string {
  let out = '';
  let p = a;
  for (let k = a; k <= b; k++) {
    // A path (`/a/b/...`, at least two slashes) runs to the end of the token whatever it holds
    // (brackets, colons, `//`), less trailing punctuation: one variable (Khan et al.'s PS rule).
    if (k === p && k < b && s.charCodeAt(k) === C_SLASH && k + 1 < b && s.charCodeAt(k + 1) !== C_SLASH) {
      const second = s.indexOf('/', k + 1);
      if (second > 0 && second < b - 1) {
        let e = b;
        while (e > k && TRAILING_PUNCT.indexOf(s[e - 1]) >= 0) e--;
        if (!out.endsWith(VAR)) out += VAR;
        out += s.slice(e, b);
        return out;
      }
    }
    const c = k < b ? s.charCodeAt(k) : -1;
    if (c !== -1 && !(c < 128 && SEG_DELIM[c] === 1)) continue;
    // `host:port` (an endpoint) is one variable.
    if (c === 58 /* : */) {
      let e = k + 1;
      while (e < b && isDigit(s.charCodeAt(e))) e++;
      const sentenceEnd = e === b - 1 && (s.charCodeAt(e) === 46 || s.charCodeAt(e) === 44); // `host:80.`
      if (isPort(s, k + 1, e) && (e === b || sentenceEnd || SEG_DELIM[s.charCodeAt(e)] === 1) && isHostLike(s.slice(p, k))) {
        if (!out.endsWith(VAR)) out += VAR;
        k = e;
        if (k < b) out += s[k];
        p = k + 1;
        continue;
      }
    }
    const m = maskSegment(s, p, k);
    if (m === VAR && out.endsWith(VAR)) {
      // CV: directly adjacent variables are one
    } else out += m;
    if (c !== -1) out += DELIM_STR[c];
    p = k + 1;
  }
  return out;
}

/**
 * Masks a message: tokens joined by single spaces (whitespace runs collapse, as in the
 * benchmark's normalisation). The result is the line's "shape" key.
 */
export function maskMessage(s: string): string {
  const n = s.length;
  let i = 0;
  while (i < n && isSpace(s.charCodeAt(i))) i++;
  let out = '';
  // [runStart, runEnd): tokens copied verbatim, separated by single spaces in the source.
  let runStart = -1, runEnd = -1;
  let varRun = 0;
  while (i < n) {
    let j = i + 1;
    while (j < n && !isSpace(s.charCodeAt(j))) j++;
    if (!needsMask(s, i, j)) {
      varRun = 0;
      if (runStart >= 0 && runEnd === i - 1 && s.charCodeAt(runEnd) === 32) runEnd = j;
      else {
        if (runStart >= 0) out += (out === '' ? '' : ' ') + s.slice(runStart, runEnd);
        runStart = i;
        runEnd = j;
      }
    } else {
      if (runStart >= 0) {
        out += (out === '' ? '' : ' ') + s.slice(runStart, runEnd);
        runStart = -1;
      }
      const t = maskTokenSlow(s, i, j);
      if (t === VAR) {
        // A list of four or more bare values (`channels 1 2 3 6 11 ...`) is one variable:
        // lists vary in length from line to line.
        if (++varRun === 4) {
          out = out.slice(0, out.length - 8); // drop two of the three " <*>" already written
          i = j + 1;
          while (i < n && isSpace(s.charCodeAt(i))) i++;
          continue;
        }
        if (varRun > 4) {
          i = j + 1;
          while (i < n && isSpace(s.charCodeAt(i))) i++;
          continue;
        }
      } else varRun = 0;
      out = out === '' ? t : out + ' ' + t;
    }
    i = j + 1;
    while (i < n && isSpace(s.charCodeAt(i))) i++;
  }
  if (runStart >= 0) out += (out === '' ? '' : ' ') + s.slice(runStart, runEnd);
  return out;
}
