// Shared shapes of the middleware config parsers: pure text → model, with line numbers and errors.

/** A problem in one config file; the parser keeps going with the rest. */
export interface ParseIssue {
  file: string;
  /** 1-based. */
  line: number;
  message: string;
}

/**
 * How an error message quotes a malformed line: only its leading name (up to the first `=`, `:`,
 * blank or bracket; at most 24 characters), so a value after it (maybe a password) never reaches
 * stderr or stored problems.
 */
export function excerpt(line: string): string {
  const t = line.trim();
  const head = /^[\w.*$-]{0,24}[=:]?/.exec(t)![0];
  return head.length < t.length ? head + '…' : head;
}

export interface Parsed<T> {
  file: string;
  model: T;
  errors: ParseIssue[];
}

/** A value together with the line it came from (so findings can point at it and patch it). */
export interface At<T = string> {
  value: T;
  line: number;
}

export function issueText(i: ParseIssue): string {
  return `${i.file}:${i.line}: ${i.message}`;
}

/** Strips a trailing `#` comment that is not inside single or double quotes. */
export function stripHashComment(line: string, chars = '#'): string {
  let q: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (q) {
      if (c === '\\') i++;
      else if (c === q) q = undefined;
    } else if (c === '"' || c === "'") q = c;
    else if (chars.includes(c)) return line.slice(0, i);
  }
  return line;
}

export function unquote(s: string): string {
  const t = s.trim();
  if (t.length >= 2 && (t[0] === '"' || t[0] === "'") && t[t.length - 1] === t[0]) return t.slice(1, -1);
  return t;
}

export function toInt(s: string | undefined): number | undefined {
  if (s === undefined) return undefined;
  const t = unquote(s);
  return /^-?\d+$/.test(t) ? Number(t) : undefined;
}
