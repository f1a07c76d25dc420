// Template mining: masked "shapes" grouped online, then merged column-wise (Brain-style).
//
// Stage 1 (per line, O(line)): the message is masked (see mask.ts) into a shape; equal shapes
// are one cluster (a Map lookup — this is what makes a million lines a second possible).
// Stage 2 (per distinct shape, run by `merge()` whenever asked, so templates merge as more lines
// arrive): among shapes of equal token count, the shapes that agree everywhere except one
// column form a family; a family with at least `minDistinct` different values in that column
// makes the column a variable (like Brain's high-cardinality columns, like Drain's leaf merge,
// but needing no similarity threshold). Repeated until nothing merges, so variables in two
// columns are found one at a time. Two columns that vary *together* (`from NEW to UNASSIGNED`,
// `from UNASSIGNED to ASSIGNED`) stay separate templates, as in the ground truths.
import { maskMessage, VAR } from './mask.js';

export interface MinerOptions {
  /** Distinct values a column needs (with all else equal) to become a variable. */
  minDistinct?: number;
  /** Constant words a template must keep after a column becomes a variable. */
  minWords?: number;
}

export interface Template {
  /** Stable id: a hash of the template text (see templateId). */
  id: string;
  template: string;
  count: number;
  example: string;
}

interface Shape {
  key: string;
  tokens: string[];
  count: number;
  example: string;
  /** union-find parent (shape index) */
  parent: number;
}

/** 53-bit string hash (cyrb53), rendered as 14 hex digits: short, stable, collision-safe enough for ids. */
export function hash53(str: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < str.length; i++) {
    const ch = str.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const n = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return n.toString(16).padStart(14, '0');
}

/** The id of a template: depends only on its text, so it is the same in every run and process. */
export function templateId(template: string): string {
  return 't' + hash53(template);
}

// '.' too: a common dotted prefix is kept (`com.apple.<*>`, `org.apache.hadoop.mapreduce.<*>`).
const OPEN = new Set(['=', ':', '(', '[', '{', '"', "'", '<', '.']);
const CLOSE = new Set([')', ']', '}', '"', "'", ',', ';', ':', '>', '.']);

/** Generalises distinct tokens of one column into `prefix<*>suffix`, keeping delimiter-bounded common ends. */
export function generalize(values0: string[]): string {
  // Work with each `<*>` as one character so that cuts never split a variable.
  const values = values0.map((v) => v.replaceAll(VAR, V1));
  let pre = values[0];
  let suf = values[0];
  for (let i = 1; i < values.length; i++) {
    const v = values[i];
    let k = 0;
    while (k < pre.length && k < v.length && pre.charCodeAt(k) === v.charCodeAt(k)) k++;
    pre = pre.slice(0, k);
    let m = 0;
    while (m < suf.length && m < v.length && suf.charCodeAt(suf.length - 1 - m) === v.charCodeAt(v.length - 1 - m)) m++;
    suf = suf.slice(suf.length - m);
  }
  // Cut the prefix back to just after its last opening delimiter, the suffix to its first closing one.
  let pl = 0;
  for (let k = pre.length - 1; k >= 0; k--) if (OPEN.has(pre[k])) { pl = k + 1; break; }
  pre = pre.slice(0, pl);
  let sl = suf.length;
  for (let k = 0; k < suf.length; k++) if (CLOSE.has(suf[k])) { sl = k; break; }
  suf = suf.slice(sl);
  if (suf.startsWith('.') && /[A-Za-z]/.test(suf)) suf = ''; // `.exe` is part of the name, `.` ends a sentence
  const minLen = Math.min(...values.map((v) => v.length));
  if (pre.length + suf.length > minLen) suf = '';
  // A kept end that is only delimiters around a variable (`:<*>`) belongs to the variable.
  if (pre.includes(V1) && !/[A-Za-z]/.test(pre)) pre = '';
  if (suf.includes(V1) && !/[A-Za-z]/.test(suf)) suf = '';
  return (pre + V1 + suf).replaceAll(V1, VAR);
}

const PLAIN_EXTRA = 1;
const tokenHashes = new Map<string, number>();
/** 32-bit hash of a token (memoised: templates share most tokens). */
function tokenHash(t: string): number {
  let h = tokenHashes.get(t);
  if (h === undefined) {
    h = 0x811c9dc5;
    for (let i = 0; i < t.length; i++) h = Math.imul(h ^ t.charCodeAt(i), 16777619);
    if (tokenHashes.size > 1_000_000) tokenHashes.clear();
    tokenHashes.set(t, h);
  }
  return h;
}

/** A variable as one character, inside generalize. */
const V1 = '\u0001';

const UNITS = new Set([
  'b', 'byte', 'bytes', 'kb', 'mb', 'gb', 'tb', 'kib', 'mib', 'gib', 'tib', 'k', 'm', 'g',
  'ns', 'us', 'µs', 'ms', 'msec', 'msecs', 's', 'sec', 'secs', 'second', 'seconds', 'min', 'mins', 'minute', 'minutes',
  'h', 'hr', 'hrs', 'hour', 'hours', 'day', 'days', '%',
]);

/** A token holding a variable and no word (`<*>`, `<<*>`, `<*>:<*>`, `(<*>`). */
function isBareVarToken(t: string): boolean {
  return t.includes(VAR) && !/[A-Za-z]/.test(t.replaceAll(VAR, ''));
}

function isUnitToken(t: string): boolean {
  return UNITS.has(t.replace(/^[(\[]+|[)\],.;:]+$/g, '').toLowerCase());
}

/**
 * Folds each quantity span — a bare variable token, an optional unit, an optional parenthesised
 * `(<*> unit)` — into `<*>` (keeping a trailing `,`/`.`/`;`). Returns undefined when the template
 * has no span with a unit or a parenthesis to fold (nothing would change).
 */
export function foldQuantityTokens(t: string[]): string[] | undefined {
  const out: string[] = [];
  let changed = false;
  for (let i = 0; i < t.length; i++) {
    if (!isBareVarToken(t[i])) {
      out.push(t[i]);
      continue;
    }
    let j = i + 1;
    let end = t[i];
    if (j < t.length && isUnitToken(t[j])) end = t[j++];
    if (j + 1 < t.length && t[j].startsWith('(') && isBareVarToken(t[j]) && isUnitToken(t[j + 1]) && t[j + 1].replace(/[,.;:]+$/, '').endsWith(')')) {
      end = t[j + 1];
      j += 2;
    }
    const punct = /[,.;]$/.test(end) && !end.endsWith(VAR) ? end[end.length - 1] : '';
    const folded = VAR + punct;
    if (j > i + 1 || t[i] !== VAR + punct) changed = true;
    out.push(folded);
    i = j - 1;
  }
  return changed ? out : undefined;
}

/**
 * Positions of the digits of `message` that its shape keeps (`en0`), found by flipping each
 * digit of the all-zero variant: masking never looks at digit values, so these positions are the
 * same for every line equal up to its digits. Undefined when there are too many digits to probe.
 */
function keptDigitPositions(message: string, key: string): Int32Array | undefined {
  const digits: number[] = [];
  for (let k = 0; k < message.length; k++) {
    const c = message.charCodeAt(k);
    if (c >= 48 && c <= 57) digits.push(k);
  }
  if (digits.length > 64) return undefined;
  const zero = message.replace(/\d/g, '0');
  const key0 = maskMessage(zero);
  if (key0.replace(/\d/g, '') !== key.replace(/\d/g, '')) return undefined; // not digit-blind after all: do not cache
  const kept: number[] = [];
  for (const p of digits) {
    const flipped = zero.slice(0, p) + '1' + zero.slice(p + 1);
    if (maskMessage(flipped) !== key0) kept.push(p);
  }
  return Int32Array.from(kept);
}

export class TemplateMiner {
  private readonly shapes: Shape[] = [];
  private readonly byKey = new Map<string, number>();
  private readonly minDistinct: number;
  private readonly minWords: number;
  /** Group template per root shape, valid after merge(). */
  private templates = new Map<number, string[]>();
  private dirty = false;

  constructor(opts: MinerOptions = {}) {
    this.minDistinct = opts.minDistinct ?? 3;
    this.minWords = opts.minWords ?? 2;
  }

  /**
   * Line-shape cache: masking looks at digits only as a class, never at their value, so lines
   * equal up to their digits have the same shape. A 53-bit hash of the line with every digit
   * read as '0' (plus its length, checked) finds the shape without masking again.
   */
  private readonly shapeCache = new Map<number, number | { pos: Int32Array; shapes: Map<string, number> }>();
  private static readonly CACHE_MAX = 200_000;

  /** Adds one message; returns its shape index (resolve to a template with templateOf after merge()). */
  add(message: string): number {
    const n = message.length;
    let h1 = 0x9e3779b9 ^ n, h2 = 0x85ebca6b;
    for (let k = 0; k < n; k++) {
      let c = message.charCodeAt(k);
      if (c >= 48 && c <= 57) c = 48;
      h1 = Math.imul(h1 ^ c, 16777619); // FNV-1a
      h2 = ((h2 << 5) - h2 + c) | 0; // h*31 + c: a second, independent 32-bit hash, cheap
    }
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    const h = 4294967296 * (2097151 & h2) + (h1 >>> 0);
    const hit = this.shapeCache.get(h);
    if (typeof hit === 'number') {
      this.shapes[hit].count++;
      return hit;
    }
    if (hit !== undefined) {
      // A class whose shapes keep some digits (`en0`): those digits, read at their fixed
      // positions, pick the shape.
      let dk = '';
      for (let q = 0; q < hit.pos.length; q++) dk += message[hit.pos[q]];
      const s = hit.shapes.get(dk);
      if (s !== undefined) {
        this.shapes[s].count++;
        return s;
      }
      const i = this.addMasked(message, maskMessage(message));
      if (hit.shapes.size < 256) hit.shapes.set(dk, i);
      return i;
    }
    const key = maskMessage(message);
    const i = this.addMasked(message, key);
    if (this.shapeCache.size >= TemplateMiner.CACHE_MAX) this.shapeCache.clear();
    if (!/\d/.test(key)) this.shapeCache.set(h, i);
    else {
      const pos = keptDigitPositions(message, key);
      if (pos) {
        let dk = '';
        for (let q = 0; q < pos.length; q++) dk += message[pos[q]];
        this.shapeCache.set(h, { pos, shapes: new Map([[dk, i]]) });
      }
    }
    return i;
  }

  private addMasked(message: string, key: string): number {
    let i = this.byKey.get(key);
    if (i === undefined) {
      i = this.shapes.length;
      this.shapes.push({ key, tokens: key === '' ? [] : key.split(' '), count: 1, example: message, parent: i });
      this.byKey.set(key, i);
      this.dirty = true;
    } else this.shapes[i].count++;
    return i;
  }

  /** Lines seen with a shape. */
  shapeCountOf(shape: number): number {
    return this.shapes[shape].count;
  }

  /** The first message seen with a shape. */
  exampleOf(shape: number): string {
    return this.shapes[shape].example;
  }

  get shapeCount(): number {
    return this.shapes.length;
  }

  private find(i: number): number {
    const s = this.shapes;
    while (s[i].parent !== i) {
      s[i].parent = s[s[i].parent].parent;
      i = s[i].parent;
    }
    return i;
  }

  /** Merges shapes into templates (idempotent; cheap when nothing new arrived). */
  merge(): void {
    if (!this.dirty) return;
    this.dirty = false;
    const tpl = new Map<number, string[]>();
    for (let i = 0; i < this.shapes.length; i++) {
      const r = this.find(i);
      if (!tpl.has(r)) tpl.set(r, this.templates.get(r) ?? this.shapes[r].tokens.slice());
    }
    for (let round = 0; round < 8; round++) {
      let changed = false;
      const byLen = new Map<number, number[]>();
      for (const r of tpl.keys()) {
        const L = tpl.get(r)!.length;
        let a = byLen.get(L);
        if (!a) byLen.set(L, (a = []));
        a.push(r);
      }
      for (const [L, roots] of byLen) {
        if (roots.length < 2) continue;
        // Family keys "all tokens but column j" as prefix/suffix hashes: O(L) per template
        // instead of O(L²) string building; members are checked token by token before merging.
        const pre = new Map<number, Int32Array>();
        const suf = new Map<number, Int32Array>();
        for (const r of roots) {
          const t = tpl.get(r)!;
          const p = new Int32Array(L + 1), q = new Int32Array(L + 2);
          for (let i = 0; i < L; i++) p[i + 1] = Math.imul(p[i] ^ tokenHash(t[i]), 0x9e3779b1) + i;
          for (let i = L - 1; i >= 0; i--) q[i] = Math.imul(q[i + 1] ^ tokenHash(t[i]), 0x85ebca77) + i;
          pre.set(r, p);
          suf.set(r, q);
        }
        for (let j = 0; j < L; j++) {
          const fam = new Map<number, number[]>();
          for (const r of roots) {
            if (this.find(r) !== r) continue;
            const k = (pre.get(r)![j] & 0x1fffff) * 4294967296 + (suf.get(r)![j + 1] >>> 0);
            let f = fam.get(k);
            if (!f) fam.set(k, (f = []));
            f.push(r);
          }
          for (const famH of fam.values()) {
            if (famH.length < 2) continue;
            // Hash families are exact families unless a collision slipped in: keep the members equal to the first.
            const t0 = tpl.get(famH[0])!;
            const fam0 = famH.filter((r) => {
              const t = tpl.get(r)!;
              for (let q = 0; q < L; q++) if (q !== j && t[q] !== t0[q]) return false;
              return true;
            });
            if (fam0.length < 2) continue;
            // Values with different keys (`num=1,flags=2` vs `topActivity=X`) are different
            // messages, not one variable: partition by the key before the first '='.
            const parts = new Map<string, number[]>();
            for (const r of fam0) {
              const v = tpl.get(r)![j];
              const eq = v.indexOf('=');
              const key = eq > 0 ? v.slice(0, eq) : '';
              let p = parts.get(key);
              if (!p) parts.set(key, (p = []));
              p.push(r);
            }
            for (const f of parts.values()) {
              if (f.length < 2) continue;
              const values = [...new Set(f.map((r) => tpl.get(r)![j]))];
              const g = generalize(values);
              // Enough distinct values make the column a variable; so does one shape already
              // having a variable there (the others are then instances of it: `chdir(<*>)` and
              // `chdir(pwd)`, `<*>` and `bglio91`).
              if (values.length < this.minDistinct && !values.includes(g)) continue;
              // Plain words (`Evaluating`/`Authenticated`/`Inactive`, `LOOKING`/`LEADING`) are
              // usually states, each its own message: they need one more distinct value.
              if (values.length < this.minDistinct + PLAIN_EXTRA && !values.includes(g) && values.every((v) => /^[A-Za-z]+[,.:;)]?$/.test(v))) continue;
              const root = f[0];
              const t = tpl.get(root)!.slice();
              t[j] = g;
              // A template must keep some constant wording, or `<*> called` is one template.
              let words = 0;
              for (const x of t) if (/[A-Za-z]{2}/.test(x.replaceAll(VAR, ''))) words++;
              if (words < this.minWords) continue;
              for (const r of f.slice(1)) {
                this.shapes[r].parent = root;
                tpl.delete(r);
              }
              tpl.set(root, t);
              changed = true;
            }
          }
        }
      }
      if (!changed) break;
    }
    this.mergeFields(tpl);
    this.foldQuantities(tpl);
    this.templates = tpl;
  }

  /**
   * `key=value` fields that vary together (`tag="AudioMix", name=audioserver` / `tag="RILJ_ACK_WL",
   * name=com.android.phone`) escape the one-column rule; templates equal except in such values,
   * with at least `minDistinct` of them, merge with every differing value a variable.
   */
  private mergeFields(tpl: Map<number, string[]>): void {
    const groups = new Map<string, number[]>();
    for (const [r, t] of tpl) {
      let k = String(t.length);
      let fields = 0;
      for (const x of t) {
        const eq = x.indexOf('=');
        if (eq > 0 && eq < x.length - 1 && /^[A-Za-z_][\w.-]*$/.test(x.slice(0, eq))) {
          k += '\u0000' + x.slice(0, eq + 1) + '\u0001';
          fields++;
        } else k += '\u0000' + x;
      }
      if (fields < 2) continue;
      let g = groups.get(k);
      if (!g) groups.set(k, (g = []));
      g.push(r);
    }
    for (const roots of groups.values()) {
      if (roots.length < this.minDistinct) continue;
      const ts = roots.map((r) => tpl.get(r)!);
      const out = ts[0].slice();
      let varied = 0;
      for (let j = 0; j < out.length; j++) {
        const values = [...new Set(ts.map((t) => t[j]))];
        if (values.length > 1) {
          out[j] = generalize(values);
          varied++;
        }
      }
      if (varied < 2) continue; // one varying column is the column rule's business
      const root = roots[0];
      for (const r of roots.slice(1)) {
        this.shapes[r].parent = root;
        tpl.delete(r);
      }
      tpl.set(root, out);
    }
  }

  /**
   * Templates that differ only in how a quantity is written (`<*> bytes` / `<*> bytes (<*> KB)`,
   * `lifetime <*>:<*>` / `lifetime <<*> sec`) are one message: when two or more templates have the
   * same text with each quantity span folded into one `<*>`, they merge under that text. A
   * template with no such sibling keeps its units (`for <*> seconds`).
   */
  private foldQuantities(tpl: Map<number, string[]>): void {
    const byFolded = new Map<string, number[]>();
    for (const [r, t] of tpl) {
      const f = foldQuantityTokens(t);
      if (!f) continue;
      const k = f.join(' ');
      let a = byFolded.get(k);
      if (!a) byFolded.set(k, (a = []));
      a.push(r);
    }
    for (const [k, roots] of byFolded) {
      if (roots.length < 2) continue;
      const root = roots[0];
      for (const r of roots.slice(1)) {
        this.shapes[r].parent = root;
        tpl.delete(r);
      }
      tpl.set(root, k.split(' '));
    }
  }

  /** The template tokens of a shape (after merge()). */
  templateOf(shape: number): string {
    const r = this.find(shape);
    const t = this.templates.get(r) ?? this.shapes[r].tokens;
    return t.join(' ');
  }

  /** Group index of a shape (equal for shapes merged into one template). */
  groupOf(shape: number): number {
    return this.find(shape);
  }

  /** All templates with counts and one example each, most frequent first. */
  list(): Template[] {
    this.merge();
    const acc = new Map<number, Template>();
    for (let i = 0; i < this.shapes.length; i++) {
      const r = this.find(i);
      let t = acc.get(r);
      if (!t) {
        const text = this.templateOf(r);
        acc.set(r, (t = { id: templateId(text), template: text, count: 0, example: this.shapes[i].example }));
      }
      t.count += this.shapes[i].count;
    }
    return [...acc.values()].sort((a, b) => b.count - a.count);
  }
}
