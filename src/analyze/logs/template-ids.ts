// Stable template ids across runs. An id is a hash of the template text (templateId), and the
// templates seen before are loaded from the store: a template this run finds that is the same
// as, more specific than, or a generalisation of a stored one keeps the stored id, so ids
// survive runs even while templates keep merging as more lines arrive.
import type { StoredTemplate } from '../../cmdb/store.js';
import { templateId } from './miner.js';

/** The subset of CmdbStore this needs (keeps the analysis free of storage). */
export interface TemplateStoreLike {
  loadTemplates(scope: string): StoredTemplate[];
  saveTemplates(templates: StoredTemplate[]): void;
}

function patternOf(template: string): RegExp {
  const parts = template.split('<*>').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp('^' + parts.join('.+?') + '$', 's');
}

interface Known {
  stored: StoredTemplate;
  rx: RegExp;
}

export class TemplateRegistry {
  private readonly known: Known[] = [];
  private readonly byText = new Map<string, Known>();
  private readonly resolved = new Map<string, StoredTemplate>();

  constructor(readonly scope: string, stored: StoredTemplate[] = []) {
    for (const s of stored) this.addKnown({ ...s });
  }

  static load(store: TemplateStoreLike, scope: string): TemplateRegistry {
    return new TemplateRegistry(scope, store.loadTemplates(scope));
  }

  private addKnown(s: StoredTemplate): Known {
    const k = { stored: s, rx: patternOf(s.template) };
    this.known.push(k);
    this.byText.set(s.template, k);
    return k;
  }

  /**
   * The stored record for a mined template: an existing one when the text is equal or one
   * generalises the other (the more general text is kept), else a new one with a hash id.
   */
  resolve(template: string, count = 0, firstSeen?: string, lastSeen?: string): StoredTemplate {
    let hit = this.resolved.get(template) ?? this.byText.get(template)?.stored;
    if (!hit) {
      const rx = patternOf(template);
      let best: Known | undefined;
      // Only templates with wording of their own take part (`<*> <*>` would match anything).
      const worded = (t: string) => /[A-Za-z]{2}/.test(t.replaceAll('<*>', ''));
      for (const k of worded(template) ? this.known : []) {
        if (!worded(k.stored.template)) continue;
        if (k.rx.test(template) || rx.test(k.stored.template)) {
          if (!best || k.stored.count > best.stored.count) best = k;
        }
      }
      if (best) {
        hit = best.stored;
        // Keep the more general text (the one that matches the other) under the old id.
        if (rx.test(hit.template) && !best.rx.test(template)) {
          this.byText.delete(hit.template);
          hit.template = template;
          best.rx = rx;
          this.byText.set(template, best);
        }
      } else {
        hit = this.addKnown({ id: templateId(template), template, count: 0, scope: this.scope }).stored;
      }
    }
    this.resolved.set(template, hit);
    if (count) hit.count += count;
    const last = lastSeen ?? firstSeen;
    if (firstSeen && (!hit.firstSeen || firstSeen < hit.firstSeen)) hit.firstSeen = firstSeen;
    if (last && (!hit.lastSeen || last > hit.lastSeen)) hit.lastSeen = last;
    return hit;
  }

  /** Everything known (old and new), for saveTemplates. */
  all(): StoredTemplate[] {
    return this.known.map((k) => k.stored);
  }

  save(store: TemplateStoreLike): void {
    store.saveTemplates(this.all());
  }
}
