// Stable template ids across runs. An id is a hash of the template text (templateId), and the
// templates seen before are loaded from the store: a template this run finds that is the same
// as, more specific than, or a generalisation of a stored one keeps the stored id, so ids
// survive runs even while templates keep merging as more lines arrive.
//
// Bounded like the miner: at most `maxTemplates` are held (default 50,000). Past that, the least
// recently seen half is handed to `onEvict` (the CLI writes them to the store at once, so no
// count is lost) and dropped from memory; a template seen again later with the same text gets
// the same id anyway (the id is the hash of the text).
import type { StoredTemplate } from '../../cmdb/store.js';
import { templateId } from './miner.js';

/** The subset of CmdbStore this needs (keeps the analysis free of storage). */
export interface TemplateStoreLike {
  loadTemplates(scope: string): StoredTemplate[];
  saveTemplates(templates: StoredTemplate[]): void;
}

export interface RegistryOptions {
  /** Most templates held in memory (default 50,000; at least 16). */
  maxTemplates?: number;
  /** Receives the templates dropped when the cap is reached (to be saved: their counts changed). */
  onEvict?: (evicted: StoredTemplate[]) => void;
}

function patternOf(template: string): RegExp {
  const parts = template.split('<*>').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp('^' + parts.join('.+?') + '$', 's');
}

interface Known {
  stored: StoredTemplate;
  rx: RegExp;
  /** Insertion order (ties between candidates go to the older). */
  seq: number;
  /** Last resolve that returned it: recency for eviction. */
  used: number;
}

/** Only templates with wording of their own take part in matching (`<*> <*>` would match anything). */
const worded = (t: string) => /[A-Za-z]{2}/.test(t.replaceAll('<*>', ''));

/** Index key of a template: its first token when constant, else undefined. */
function firstToken(t: string): string | undefined {
  const sp = t.indexOf(' ');
  const f = sp < 0 ? t : t.slice(0, sp);
  return f.includes('<*>') ? undefined : f;
}

/** Candidates examined when a template starts with a variable (then any stored one could fit). */
const SCAN_CAP = 2000;

export class TemplateRegistry {
  private known = new Map<string, Known>(); // by id
  private byText = new Map<string, Known>();
  /**
   * Candidates by first token. A template whose first token is constant can only generalise,
   * or be generalised by, templates with that first token, or ones whose first token holds a
   * variable (`varFirst`): the lookup costs the size of those lists, not of the registry.
   */
  private byFirst = new Map<string, Known[]>();
  private varFirst: Known[] = [];
  private readonly resolved = new Map<string, Known>();
  private seq = 0;
  private tick = 0;
  private readonly maxTemplates: number;
  /** Templates dropped from memory by the cap so far. */
  evicted = 0;

  constructor(readonly scope: string, stored: StoredTemplate[] = [], private readonly opts: RegistryOptions = {}) {
    this.maxTemplates = Math.max(16, opts.maxTemplates ?? 50_000);
    // Loaded least recently seen first, so that they are the first to go; only the most recent
    // `maxTemplates` are held (the rest stay in the store as they are).
    const order = [...stored].sort((a, b) => (a.lastSeen ?? '').localeCompare(b.lastSeen ?? '') || a.count - b.count);
    for (const s of order.slice(Math.max(0, order.length - this.maxTemplates))) this.addKnown({ ...s });
  }

  static load(store: TemplateStoreLike, scope: string, opts?: RegistryOptions): TemplateRegistry {
    return new TemplateRegistry(scope, store.loadTemplates(scope), opts);
  }

  /** Templates held in memory now. */
  get size(): number {
    return this.known.size;
  }

  private index(k: Known): void {
    const f = firstToken(k.stored.template);
    if (f === undefined) this.varFirst.push(k);
    else {
      const a = this.byFirst.get(f);
      if (a) a.push(k);
      else this.byFirst.set(f, [k]);
    }
  }

  private unindex(k: Known): void {
    const f = firstToken(k.stored.template);
    const a = f === undefined ? this.varFirst : this.byFirst.get(f);
    if (!a) return;
    const i = a.indexOf(k);
    if (i >= 0) a.splice(i, 1);
    if (f !== undefined && a.length === 0) this.byFirst.delete(f);
  }

  private addKnown(s: StoredTemplate): Known {
    const old = this.known.get(s.id);
    if (old) return old;
    const k: Known = { stored: s, rx: patternOf(s.template), seq: this.seq++, used: ++this.tick };
    this.known.set(s.id, k);
    this.byText.set(s.template, k);
    this.index(k);
    if (this.known.size > this.maxTemplates) this.evict();
    return k;
  }

  /** Drops the least recently seen half (bounded memory); onEvict gets them to save. */
  private evict(): void {
    const all = [...this.known.values()].sort((a, b) => a.used - b.used);
    const gone = all.slice(0, all.length - Math.floor(this.maxTemplates / 2));
    const keep = all.slice(gone.length).sort((a, b) => a.seq - b.seq);
    this.known = new Map(keep.map((k) => [k.stored.id, k]));
    this.byText = new Map(keep.map((k) => [k.stored.template, k]));
    this.byFirst = new Map();
    this.varFirst = [];
    for (const k of keep) this.index(k);
    this.resolved.clear();
    this.evicted += gone.length;
    this.opts.onEvict?.(gone.map((k) => k.stored));
  }

  /** Stored templates that may be equal to, more general or more specific than `template`. */
  private candidates(template: string): Iterable<Known> {
    const f = firstToken(template);
    if (f === undefined) {
      // Anything could be more specific: the most recently added, bounded.
      const all = [...this.known.values()];
      return all.slice(Math.max(0, all.length - SCAN_CAP));
    }
    return [...(this.byFirst.get(f) ?? []), ...this.varFirst];
  }

  /**
   * The stored record for a mined template: an existing one when the text is equal or one
   * generalises the other (the more general text is kept), else a new one with a hash id.
   */
  resolve(template: string, count = 0, firstSeen?: string, lastSeen?: string): StoredTemplate {
    let hit = this.resolved.get(template) ?? this.byText.get(template);
    if (!hit) {
      const rx = patternOf(template);
      let best: Known | undefined;
      if (worded(template)) {
        for (const k of this.candidates(template)) {
          if (!worded(k.stored.template)) continue;
          if (k.rx.test(template) || rx.test(k.stored.template)) {
            if (!best || k.stored.count > best.stored.count || (k.stored.count === best.stored.count && k.seq < best.seq)) best = k;
          }
        }
      }
      if (best) {
        hit = best;
        // Keep the more general text (the one that matches the other) under the old id.
        if (rx.test(hit.stored.template) && !best.rx.test(template)) {
          this.byText.delete(hit.stored.template);
          this.unindex(hit);
          hit.stored.template = template;
          best.rx = rx;
          this.byText.set(template, best);
          this.index(hit);
        }
      } else {
        hit = this.addKnown({ id: templateId(template), template, count: 0, scope: this.scope });
      }
    }
    // A cache of mined text → record, bounded with the registry.
    if (this.resolved.size >= this.maxTemplates) this.resolved.clear();
    this.resolved.set(template, hit);
    hit.used = ++this.tick;
    const s = hit.stored;
    if (count) s.count += count;
    const last = lastSeen ?? firstSeen;
    if (firstSeen && (!s.firstSeen || firstSeen < s.firstSeen)) s.firstSeen = firstSeen;
    if (last && (!s.lastSeen || last > s.lastSeen)) s.lastSeen = last;
    return s;
  }

  /** Everything held (old and new), for saveTemplates. */
  all(): StoredTemplate[] {
    return [...this.known.values()].map((k) => k.stored);
  }

  save(store: TemplateStoreLike): void {
    store.saveTemplates(this.all());
  }
}
