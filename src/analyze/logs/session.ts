// A mining session over records: redaction (before anything is mined, stored or shown),
// template mining, and stable ids from the template registry. Pure (no I/O).
import type { LogRecord } from '../../model/telemetry.js';
import type { Redactor } from '../redact/redact.js';
import { TemplateMiner, templateId, type MinerOptions, type MinerStats } from './miner.js';
import type { TemplateRegistry } from './template-ids.js';

export interface MinedTemplate {
  id: string;
  template: string;
  count: number;
  /** One example message (redacted when the session redacts). */
  example: string;
  firstTs?: number;
  lastTs?: number;
}

export class MiningSession {
  readonly miner: TemplateMiner;
  private readonly times = new Map<number, { first: number; last: number }>();
  private readonly ids = new Map<string, string>();

  /**
   * `messageOnly`: redact only the message, not `raw` (for callers that print nothing but
   * templates: redacting the header too would double the cost for nothing).
   */
  constructor(private readonly opts: { redactor?: Redactor; registry?: TemplateRegistry; miner?: MinerOptions; messageOnly?: boolean } = {}) {
    this.miner = new TemplateMiner(opts.miner);
    // Times follow their shapes through compaction (bounded by the miner's shape cap).
    this.miner.onCompact((remap) => {
      const old = [...this.times];
      this.times.clear();
      for (const [s, t] of old) {
        const n = remap[s];
        const u = this.times.get(n);
        if (!u) this.times.set(n, { first: t.first, last: t.last });
        else {
          if (t.first < u.first) u.first = t.first;
          if (t.last > u.last) u.last = t.last;
        }
      }
    });
  }

  /** Redacts the record's message in place (a second pass that already knows the record's shape). */
  redactRecord(rec: LogRecord): void {
    if (this.opts.redactor) rec.message = this.opts.redactor.redact(rec.message);
  }

  /** Redacts the record's message in place and finds its shape without learning (second pass). */
  match(rec: LogRecord): number {
    this.redactRecord(rec);
    const nl = rec.message.indexOf('\n');
    return this.miner.match(nl < 0 ? rec.message : rec.message.slice(0, nl));
  }

  /** Redacts the record's message in place and mines it; returns its shape (see resolve). */
  add(rec: LogRecord): number {
    if (this.opts.redactor && this.opts.messageOnly) rec.message = this.opts.redactor.redact(rec.message);
    else if (this.opts.redactor) {
      const r = this.opts.redactor;
      const msg = r.redact(rec.message);
      if (rec.raw !== undefined) {
        // The raw line is usually header + message: redact the header alone and reuse the message.
        if (rec.raw === rec.message) rec.raw = msg;
        else if (rec.raw.endsWith(rec.message)) rec.raw = r.redact(rec.raw.slice(0, rec.raw.length - rec.message.length)) + msg;
        else rec.raw = r.redact(rec.raw);
      }
      rec.message = msg;
    }
    // Multi-line records (folded stack traces) are mined on their first line.
    const nl = rec.message.indexOf('\n');
    const shape = this.miner.add(nl < 0 ? rec.message : rec.message.slice(0, nl));
    if (rec.ts !== undefined) {
      const t = this.times.get(shape);
      if (!t) this.times.set(shape, { first: rec.ts, last: rec.ts });
      else {
        if (rec.ts < t.first) t.first = rec.ts;
        if (rec.ts > t.last) t.last = rec.ts;
      }
    }
    return shape;
  }

  /** Internal sizes: the miner's, plus the first/last times kept (one per shape at most). */
  stats(): MinerStats & { timeEntries: number } {
    return { ...this.miner.stats(), timeEntries: this.times.size };
  }

  /** Merges templates (call before resolve; cheap if nothing changed). */
  merge(): void {
    this.miner.merge();
  }

  /** Template text and stable id of a shape. */
  resolve(shape: number): { templateId: string; template: string } {
    const template = this.miner.templateOf(shape);
    let id: string;
    if (this.opts.registry) id = this.opts.registry.resolve(template).id;
    else {
      // Hashing the template per record is most of annotate(): memoise (bounded, like the miner).
      let m = this.ids.get(template);
      if (m === undefined) {
        if (this.ids.size >= 100_000) this.ids.clear();
        this.ids.set(template, (m = templateId(template)));
      }
      id = m;
    }
    return { templateId: id, template };
  }

  /** Sets templateId/template on a record mined as `shape`. */
  annotate(rec: LogRecord, shape: number): LogRecord {
    const r = this.resolve(shape);
    rec.templateId = r.templateId;
    rec.template = r.template;
    return rec;
  }

  /** All templates, most frequent first; counts and times go into the registry. */
  templates(): MinedTemplate[] {
    this.merge();
    const byGroup = new Map<number, MinedTemplate>();
    for (let s = 0; s < this.miner.shapeCount; s++) {
      const g = this.miner.groupOf(s);
      const count = this.miner.shapeCountOf(s);
      const t = this.times.get(s);
      let m = byGroup.get(g);
      if (!m) {
        const r = this.resolve(s);
        byGroup.set(g, (m = { id: r.templateId, template: r.template, count: 0, example: this.miner.exampleOf(s) }));
      }
      m.count += count;
      if (t) {
        m.firstTs = Math.min(m.firstTs ?? Infinity, t.first);
        m.lastTs = Math.max(m.lastTs ?? -Infinity, t.last);
      }
    }
    const out = [...byGroup.values()].sort((a, b) => b.count - a.count);
    if (this.opts.registry) {
      const iso = (t?: number) => (t === undefined ? undefined : new Date(t).toISOString());
      for (const m of out) this.opts.registry.resolve(m.template, m.count, iso(m.firstTs), iso(m.lastTs));
    }
    return out;
  }
}
