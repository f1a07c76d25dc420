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
  /**
   * Most distinct shapes (hence templates) kept, default 50,000. Reaching it compacts: merged
   * groups collapse into one shape each, and when more than half the cap is still in use the
   * least recently seen templates are evicted into the `<*>` "other" bucket (counted in stats()).
   */
  maxShapes?: number;
  /** Entries of the line-shape cache (two-generation LRU), default 100,000. */
  shapeCacheSize?: number;
}

/** Internal sizes, for reporting and for tests that prove memory stays bounded. */
export interface MinerStats {
  shapes: number;
  templates: number;
  /** Line-shape cache entries (both generations), and digit-keyed sub-entries inside them. */
  cacheEntries: number;
  cacheSubEntries: number;
  /** Example lines kept: one per shape. */
  examples: number;
  compactions: number;
  /** Templates evicted into the `<*>` bucket, and the lines they had. */
  evictedTemplates: number;
  evictedLines: number;
  maxShapes: number;
  shapeCacheSize: number;
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
  /** Tick (line number in this miner) of the last line with this shape: recency for eviction. */
  last: number;
}

type CacheEntry = number | { pos: Int32Array; shapes: Map<string, number> };
/** Digit-keyed shapes kept per cache entry (`en0`, `en1`, ...). */
const SUB_MAX = 64;

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
/** lookup()'s index key for templates whose first token holds a variable. */
const VAR_FIRST = '\u0001';
/** New shapes that make the miner merge on its own (more than a Loghub-2k sample ever has). */
const AUTO_MERGE = 4096;
/** Empty slot in merge()'s family table. */
const EMPTY = -0x80000000;
/** 32-bit FNV-1a hash of a token (not memoised: a memo would grow with every new token). */
function tokenHash(t: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < t.length; i++) h = Math.imul(h ^ t.charCodeAt(i), 16777619);
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
  private shapes: Shape[] = [];
  private byKey = new Map<string, number>();
  private readonly minDistinct: number;
  private readonly minWords: number;
  private readonly maxShapes: number;
  /** Group template per root shape, valid after merge(). */
  private templates = new Map<number, string[]>();
  /** Template text per root, memoised between merges (printing a template per line is hot). */
  private texts = new Map<number, string>();
  private dirty = false;
  private tick = 0;
  /** The `<*>` bucket evicted templates go to (-1 until the first eviction); never merged. */
  private other = -1;
  private compactions = 0;
  private evictedTemplates = 0;
  private evictedLines = 0;
  private readonly listeners: Array<(remap: Int32Array) => void> = [];
  /**
   * After a merge: "template with a variable in column j" by the hash of its other columns, so a
   * new shape that is only a new value in such a column (`connection qwe closed` under
   * `connection <*> closed`) joins the template at once instead of becoming a shape that the
   * next merge would fold in anyway. Keeps shapes from piling up on streams of ever-new tokens.
   */
  private absorbIndex: Map<number, number> | undefined;
  private merged = false;
  /** New shapes since the last merge, and the shape count then (see AUTO_MERGE). */
  private sinceMerge = 0;
  private shapesAtMerge = 0;
  /** Roots by token count, for match() of a line whose shape is no longer stored. */
  private byLen: Map<string, number[]> | undefined;

  /**
   * Line-shape cache: masking looks at digits only as a class, never at their value, so lines
   * equal up to their digits have the same shape. A 53-bit hash of the line with every digit
   * read as '0' (plus its length, checked) finds the shape without masking again.
   * Bounded as a two-generation LRU: new entries go to `cacheA`; when it holds half the cap it
   * becomes `cacheB` (the old `cacheB` is dropped); a hit in `cacheB` is copied back to `cacheA`.
   */
  private cacheA = new Map<number, CacheEntry>();
  private cacheB = new Map<number, CacheEntry>();
  private readonly cacheGen: number;

  constructor(opts: MinerOptions = {}) {
    this.minDistinct = opts.minDistinct ?? 3;
    this.minWords = opts.minWords ?? 2;
    this.maxShapes = Math.max(16, opts.maxShapes ?? 50_000);
    this.cacheGen = Math.max(1, Math.floor((opts.shapeCacheSize ?? 100_000) / 2));
  }

  /**
   * Called after each compaction with `remap[oldShape] = newShape`: shape indices held outside
   * the miner (buffers of lines not yet printed) must be mapped through it.
   */
  onCompact(f: (remap: Int32Array) => void): void {
    this.listeners.push(f);
  }

  private cacheGet(h: number): CacheEntry | undefined {
    const e = this.cacheA.get(h);
    if (e !== undefined) return e;
    const o = this.cacheB.get(h);
    if (o !== undefined) this.cacheSet(h, o);
    return o;
  }

  private cacheSet(h: number, e: CacheEntry): void {
    if (this.cacheA.size >= this.cacheGen) {
      this.cacheB = this.cacheA;
      this.cacheA = new Map();
    }
    this.cacheA.set(h, e);
  }

  /** Adds one message; returns its shape index (resolve to a template with templateOf after merge()). */
  add(message: string): number {
    return this.locate(message, true);
  }

  /**
   * The shape of a message under the current model, without counting it or learning from it:
   * a second pass over lines already added. A line whose shape was compacted away gets the most
   * similar template of its length (Drain-style: most equal constant tokens, at least half),
   * else the `<*>` bucket.
   */
  match(message: string): number {
    return this.locate(message, false);
  }

  private locate(message: string, learn: boolean): number {
    const tick = ++this.tick;
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
    const hit = this.cacheGet(h);
    if (typeof hit === 'number') {
      if (learn) this.seen(hit, tick);
      return hit;
    }
    if (hit !== undefined) {
      // A class whose shapes keep some digits (`en0`): those digits, read at their fixed
      // positions, pick the shape.
      let dk = '';
      for (let q = 0; q < hit.pos.length; q++) dk += message[hit.pos[q]];
      const s = hit.shapes.get(dk);
      if (s !== undefined) {
        if (learn) this.seen(s, tick);
        return s;
      }
      const key = maskMessage(message);
      const i = learn ? this.addMasked(message, key, tick) : this.lookup(key);
      // addMasked may have compacted (and dropped the cache): only fill an entry still cached.
      if (hit.shapes.size < SUB_MAX && this.cacheGet(h) === hit) hit.shapes.set(dk, i);
      return i;
    }
    const key = maskMessage(message);
    const i = learn ? this.addMasked(message, key, tick) : this.lookup(key);
    if (!/\d/.test(key)) this.cacheSet(h, i);
    else {
      const pos = keptDigitPositions(message, key);
      if (pos) {
        let dk = '';
        for (let q = 0; q < pos.length; q++) dk += message[pos[q]];
        this.cacheSet(h, { pos, shapes: new Map([[dk, i]]) });
      }
    }
    return i;
  }

  private seen(i: number, tick: number): void {
    const s = this.shapes[i];
    s.count++;
    s.last = tick;
  }

  /** Shape of a masked key without adding it (see match). */
  private lookup(key: string): number {
    const i = this.byKey.get(key);
    if (i !== undefined) return i;
    const tokens = key === '' ? [] : key.split(' ');
    if (!this.byLen) {
      // Candidates by length and first token: a template can only fit a line whose first token
      // it has, or when its own first token holds a variable (kept under VAR_FIRST).
      this.byLen = new Map();
      for (let r = 0; r < this.shapes.length; r++) {
        if (r === this.other || this.find(r) !== r) continue;
        const t = this.templates.get(r) ?? this.shapes[r].tokens;
        const k = t.length + '\u0000' + (t.length && t[0].includes(VAR) ? VAR_FIRST : (t[0] ?? ''));
        let a = this.byLen.get(k);
        if (!a) this.byLen.set(k, (a = []));
        a.push(r);
      }
    }
    let best = -1, bestScore = 0;
    const L = tokens.length;
    const exact = this.byLen.get(L + '\u0000' + (tokens[0] ?? '')) ?? [];
    const vars = L ? (this.byLen.get(L + '\u0000' + VAR_FIRST) ?? []) : [];
    // Bounded scan: a line with no stored shape must not cost O(templates). Both lists ascend,
    // so walking them merged keeps the first best in shape order.
    for (let x = 0, y = 0, c = 0; (x < exact.length || y < vars.length) && c < 2000; c++) {
      const r = y >= vars.length || (x < exact.length && exact[x] < vars[y]) ? exact[x++] : vars[y++];
      const t = this.templates.get(r) ?? this.shapes[r].tokens;
      let score = 0;
      let ok = true;
      for (let q = 0; q < t.length; q++) {
        if (t[q] === tokens[q]) score++;
        else if (!t[q].includes(VAR)) {
          ok = false;
          break;
        }
      }
      if (ok && score > bestScore) {
        best = r;
        bestScore = score;
      }
    }
    if (best >= 0 && bestScore * 2 >= tokens.length) return best;
    return this.otherIndex();
  }

  private otherIndex(): number {
    if (this.other < 0) {
      this.other = this.shapes.length;
      this.shapes.push({ key: '\u0000other', tokens: [VAR], count: 0, example: '', parent: this.other, last: 0 });
    }
    return this.other;
  }

  private addMasked(message: string, key: string, tick: number): number {
    let i = this.byKey.get(key);
    if (i === undefined) {
      // Stored strings are copies: the message (and a key that masking left as it was) may be a
      // slice of a large read buffer that they would otherwise keep alive.
      let tokens = key === '' ? [] : key.split(' ');
      if (this.merged) {
        const a = this.absorb(tokens);
        if (a >= 0) {
          this.seen(a, tick);
          return a;
        }
      }
      if (key.length >= 13) {
        key = (' ' + key).slice(1);
        tokens = key === '' ? [] : key.split(' ');
      }
      if (this.shapes.length >= this.maxShapes) this.compact();
      i = this.shapes.length;
      // A copy: the message may be a slice of a large read buffer that it would keep alive.
      this.shapes.push({ key, tokens, count: 1, example: (' ' + message).slice(1), parent: i, last: tick });
      this.byKey.set(key, i);
      this.dirty = true;
      this.byLen = undefined;
      // Merge on its own once the new shapes since the last merge reach AUTO_MERGE and as many
      // as there were then (geometric, so O(1) merge work per shape amortised): after a merge, a
      // stream of ever-new values in a known column is absorbed at once instead of piling up as
      // shapes until a compaction has to merge them all.
      if (++this.sinceMerge >= Math.max(AUTO_MERGE, this.shapesAtMerge)) this.merge();
    } else this.seen(i, tick);
    return i;
  }

  private static famHashes(t: string[]): { p: Int32Array; q: Int32Array } {
    const L = t.length;
    const p = new Int32Array(L + 1), q = new Int32Array(L + 2);
    p[0] = L;
    for (let i = 0; i < L; i++) p[i + 1] = Math.imul(p[i] ^ tokenHash(t[i]), 0x9e3779b1) + i;
    for (let i = L - 1; i >= 0; i--) q[i] = Math.imul(q[i + 1] ^ tokenHash(t[i]), 0x85ebca77) + i;
    return { p, q };
  }

  /** The root whose template this shape is an instance of, differing in one variable column; else -1. */
  private absorb(tokens: string[]): number {
    if (!this.absorbIndex) {
      this.absorbIndex = new Map();
      for (let r = 0; r < this.shapes.length; r++) {
        if (r === this.other || this.find(r) !== r) continue;
        const t = this.templates.get(r) ?? this.shapes[r].tokens;
        let h: { p: Int32Array; q: Int32Array } | undefined;
        for (let j = 0; j < t.length; j++) {
          if (!t[j].includes(VAR)) continue;
          h ??= TemplateMiner.famHashes(t);
          const k = (h.p[j] & 0x1fffff) * 4294967296 + (h.q[j + 1] >>> 0);
          if (!this.absorbIndex.has(k)) this.absorbIndex.set(k, r);
        }
      }
    }
    if (this.absorbIndex.size === 0 || tokens.length === 0) return -1;
    const { p, q } = TemplateMiner.famHashes(tokens);
    for (let j = 0; j < tokens.length; j++) {
      const r = this.absorbIndex.get((p[j] & 0x1fffff) * 4294967296 + (q[j + 1] >>> 0));
      if (r === undefined) continue;
      const t = this.templates.get(r) ?? this.shapes[r].tokens;
      if (t.length !== tokens.length) continue;
      let same = true;
      for (let x = 0; x < t.length && same; x++) if (x !== j && t[x] !== tokens[x]) same = false;
      // Only when merge would fold it in: generalising the pair gives the template's own column.
      // (A bare `<*>` column generalises with anything to itself: skip the work.)
      if (same && (t[j] === VAR || (t[j].includes(VAR) && generalize([t[j], tokens[j]]) === t[j]))) return r;
    }
    return -1;
  }

  /**
   * Bounds memory: merges, collapses every group into one shape (its template), and when more
   * than half of `maxShapes` is still in use evicts the least recently seen templates into the
   * `<*>` bucket. Shape indices change: listeners get the old → new map.
   */
  compact(): void {
    this.merge();
    const n = this.shapes.length;
    // Per-root totals in flat arrays indexed by shape (roots are their groups' smallest index,
    // so ascending index is the groups' first-seen order).
    const rootOf = new Int32Array(n);
    const gCount = new Float64Array(n), gLast = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const r = this.find(i);
      rootOf[i] = r;
      const s = this.shapes[i];
      gCount[r] += s.count;
      if (s.last > gLast[r]) gLast[r] = s.last;
    }
    let roots: number[] = [];
    for (let i = 0; i < n; i++) if (rootOf[i] === i && i !== this.other) roots.push(i);
    const low = Math.floor(this.maxShapes / 2);
    let evicted: number[] = [];
    if (roots.length > low) {
      roots.sort((a, b) => gLast[a] - gLast[b] || a - b);
      evicted = roots.slice(0, roots.length - low);
      roots = roots.slice(roots.length - low).sort((a, b) => a - b);
    }
    const next: Shape[] = [];
    const byKey = new Map<string, number>();
    const newOf = new Int32Array(n);
    let other = -1;
    if (this.other >= 0 || evicted.length) {
      other = 0;
      const o = this.other;
      next.push({ key: '\u0000other', tokens: [VAR], count: o >= 0 ? gCount[o] : 0, example: o >= 0 ? this.shapes[o].example : '', parent: 0, last: o >= 0 ? gLast[o] : 0 });
      if (o >= 0) newOf[o] = 0;
    }
    for (const r of roots) {
      const tokens = this.templates.get(r) ?? this.shapes[r].tokens;
      const key = tokens.join(' ');
      const j = byKey.get(key);
      if (j !== undefined) {
        // Two groups with one template text (possible after quantity folding): one shape.
        next[j].count += gCount[r];
        if (gLast[r] > next[j].last) next[j].last = gLast[r];
        newOf[r] = j;
        continue;
      }
      const k = next.length;
      next.push({ key, tokens, count: gCount[r], example: this.shapes[r].example, parent: k, last: gLast[r] });
      byKey.set(key, k);
      newOf[r] = k;
    }
    for (const r of evicted) {
      next[other].count += gCount[r];
      if (!next[other].example) next[other].example = this.shapes[r].example;
      this.evictedTemplates++;
      this.evictedLines += gCount[r];
      newOf[r] = other;
    }
    const remap = new Int32Array(n);
    for (let i = 0; i < n; i++) remap[i] = newOf[rootOf[i]];
    this.shapes = next;
    this.byKey = byKey;
    this.other = other;
    this.templates = new Map();
    this.texts.clear();
    this.byLen = undefined;
    this.absorbIndex = undefined;
    this.dirty = false;
    this.cacheA = new Map();
    this.cacheB = new Map();
    this.compactions++;
    for (const f of this.listeners) f(remap);
  }

  /** Internal sizes (see MinerStats). */
  stats(): MinerStats {
    let sub = 0;
    for (const c of [this.cacheA, this.cacheB]) for (const e of c.values()) if (typeof e !== 'number') sub += e.shapes.size;
    let templates = 0;
    for (let i = 0; i < this.shapes.length; i++) if (this.find(i) === i) templates++;
    return {
      shapes: this.shapes.length,
      templates,
      cacheEntries: this.cacheA.size + this.cacheB.size,
      cacheSubEntries: sub,
      examples: this.shapes.filter((s) => s.example !== '').length,
      compactions: this.compactions,
      evictedTemplates: this.evictedTemplates,
      evictedLines: this.evictedLines,
      maxShapes: this.maxShapes,
      shapeCacheSize: this.cacheGen * 2,
    };
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
    this.merged = true;
    if (!this.dirty) return;
    this.dirty = false;
    this.sinceMerge = 0;
    this.shapesAtMerge = this.shapes.length;
    this.texts.clear();
    this.byLen = undefined;
    this.absorbIndex = undefined;
    const tpl = new Map<number, string[]>();
    for (let i = 0; i < this.shapes.length; i++) {
      if (i === this.other) continue; // the `<*>` bucket would swallow every one-token template
      const r = this.find(i);
      // Token arrays are never changed in place (a merge stores a new array), so no copy.
      if (!tpl.has(r)) tpl.set(r, this.templates.get(r) ?? this.shapes[r].tokens);
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
        // Flat arrays, one row per root, and singleton families kept as a bare index: on input
        // where little merges (every line new) almost every family is a singleton, and an array
        // per root and per family was most of the cost of merge() (and of the compactions).
        const R = roots.length, W = L + 2;
        const PQ = new Int32Array(R * W * 2);
        const th = new Int32Array(L);
        for (let x = 0; x < R; x++) {
          const t = tpl.get(roots[x])!;
          const po = x * W * 2, qo = po + W;
          for (let i = 0; i < L; i++) th[i] = tokenHash(t[i]);
          for (let i = 0; i < L; i++) PQ[po + i + 1] = Math.imul(PQ[po + i] ^ th[i], 0x9e3779b1) + i;
          for (let i = L - 1; i >= 0; i--) PQ[qo + i] = Math.imul(PQ[qo + i + 1] ^ th[i], 0x85ebca77) + i;
        }
        let cap = 16;
        while (cap < R * 2) cap *= 2;
        const mask = cap - 1;
        const tabHi = new Int32Array(cap), tabLo = new Int32Array(cap), tabV = new Int32Array(cap);
        for (let j = 0; j < L; j++) {
          // Open-addressing table keyed by the two 32-bit halves of the family hash (a Map of
          // 53-bit number keys boxes every key): slot → index of the key's only member so far
          // (>= 0), or -1 - (index of its family in fams).
          tabHi.fill(0, 0, cap);
          tabLo.fill(0, 0, cap);
          tabV.fill(EMPTY, 0, cap);
          const fams: number[][] = [];
          for (let x = 0; x < R; x++) {
            const r = roots[x];
            if (this.find(r) !== r) continue;
            const po = x * W * 2;
            const hi = PQ[po + j] & 0x1fffff, lo = PQ[po + W + j + 1];
            let slot = (Math.imul(lo ^ Math.imul(hi, 0x27d4eb2d), 0x9e3779b1) >>> 0) & mask;
            while (tabV[slot] !== EMPTY && (tabHi[slot] !== hi || tabLo[slot] !== lo)) slot = (slot + 1) & mask;
            const e = tabV[slot];
            if (e === EMPTY) {
              tabHi[slot] = hi;
              tabLo[slot] = lo;
              tabV[slot] = x;
            } else if (e >= 0) {
              fams.push([roots[e], r]);
              tabV[slot] = -fams.length;
            } else fams[-1 - e].push(r);
          }
          // Families of one column are disjoint, so their order does not matter.
          for (const famH of fams) {
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
    let text = this.texts.get(r);
    if (text === undefined) {
      text = (this.templates.get(r) ?? this.shapes[r].tokens).join(' ');
      this.texts.set(r, text);
    }
    return text;
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
