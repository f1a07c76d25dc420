import { describe, it, expect } from 'vitest';
import { TemplateMiner } from './miner.js';
import { randomStream } from './__fixtures__/random-stream.js';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Heap in use after a full GC (the standard way to reach gc() without --expose-gc). */
function liveHeap(): number {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
  return process.memoryUsage().heapUsed;
}

describe('TemplateMiner memory bounds', () => {
  it('500k lines of ever-new tokens: shapes, templates, cache and examples stay under the caps; counts are kept', () => {
    const maxShapes = 2000, shapeCacheSize = 4096;
    const m = new TemplateMiner({ maxShapes, shapeCacheSize });
    let peak = { shapes: 0, cache: 0, sub: 0, examples: 0 };
    let n = 0;
    for (const line of randomStream(500_000)) {
      m.add(line);
      if (++n % 5000 === 0) {
        if (n % 20000 === 0) m.merge(); // as the CLI does between chunks
        const s = m.stats();
        peak = { shapes: Math.max(peak.shapes, s.shapes), cache: Math.max(peak.cache, s.cacheEntries), sub: Math.max(peak.sub, s.cacheSubEntries), examples: Math.max(peak.examples, s.examples) };
      }
    }
    const s = m.stats();
    expect(peak.shapes).toBeLessThanOrEqual(maxShapes + 1); // + the `<*>` bucket
    expect(s.templates).toBeLessThanOrEqual(maxShapes + 1);
    expect(peak.cache).toBeLessThanOrEqual(shapeCacheSize);
    expect(peak.sub).toBeLessThanOrEqual(shapeCacheSize * 64);
    expect(peak.examples).toBeLessThanOrEqual(maxShapes + 1);
    expect(s.compactions).toBeGreaterThan(10);
    expect(s.evictedTemplates).toBeGreaterThan(0);
    // No line is lost: evicted templates' lines are counted in the `<*>` bucket.
    const list = m.list();
    expect(list.reduce((a, t) => a + t.count, 0)).toBe(500_000);
    const other = list.find((t) => t.template === '<*>')!;
    expect(other.count).toBe(s.evictedLines);
    // The recurring message still has its template after all the churn.
    const c = m.add('connection qwertyz closed by peer');
    m.merge();
    expect(m.templateOf(c)).toBe('connection <*> closed by peer');
    expect(list.some((t) => t.template === 'user <*> logged in from <*> after <*> ms' && t.count > 100_000)).toBe(true);
  });

  it('compaction hands out an old → new shape map that keeps every held shape on its template', () => {
    const m = new TemplateMiner({ maxShapes: 16 });
    const held: number[] = [];
    const lines = ['a1', 'b2', 'c3', 'd4'].map((u) => `job ${u.replace(/\d/, '')}x started ok`);
    for (const l of lines) held.push(m.add(l));
    m.merge();
    const before = held.map((h) => m.templateOf(h));
    let remaps = 0;
    m.onCompact((remap) => {
      remaps++;
      for (let i = 0; i < held.length; i++) held[i] = remap[held[i]];
    });
    m.compact();
    expect(remaps).toBe(1);
    expect(held.map((h) => m.templateOf(h))).toEqual(before);
    expect(m.stats().shapes).toBe(1); // the group collapsed into its template
    // A line of a collapsed member still finds its template, both learning and not.
    expect(m.templateOf(m.match('job ax started ok'))).toBe('job <*> started ok');
    const again = m.add('job ax started ok');
    m.merge();
    expect(m.templateOf(again)).toBe('job <*> started ok');
  });

  it('match() does not learn, and an unknown line goes to the most similar template or the <*> bucket', () => {
    const m = new TemplateMiner();
    for (const u of ['alice', 'bob', 'carol', 'dave']) m.add(`Invalid user ${u} from host`);
    m.merge();
    const before = m.stats().shapes;
    expect(m.templateOf(m.match('Invalid user erin from host'))).toBe('Invalid user <*> from host');
    expect(m.templateOf(m.match('something else entirely'))).toBe('<*>');
    expect(m.list().reduce((a, t) => a + t.count, 0)).toBe(4);
    expect(m.stats().shapes).toBeLessThanOrEqual(before + 1);
  });

  it('the line-shape cache is an LRU: a hot line survives generations of cold ones', () => {
    const m = new TemplateMiner({ shapeCacheSize: 100 });
    const hot = 'hot line number 1 here';
    const h = m.add(hot);
    let i = 0;
    for (const l of randomStream(2000, 7)) {
      m.add(l);
      if (++i % 20 === 0) expect(m.add(hot)).toBe(h);
    }
    expect(m.stats().cacheEntries).toBeLessThanOrEqual(100);
  });
});

describe('MiningSession memory bounds (the `logs parse` path)', () => {
  it('redaction + mining + times over 300k timestamped records stay under the caps', async () => {
    const { MiningSession } = await import('./session.js');
    const { createRedactor } = await import('../redact/redact.js');
    const s = new MiningSession({ redactor: createRedactor(), miner: { maxShapes: 1000, shapeCacheSize: 2048 }, messageOnly: true });
    let held: number[] = [];
    s.miner.onCompact((remap) => (held = held.map((h) => remap[h])));
    let n = 0, peakTimes = 0, peakShapes = 0;
    let heapAt100k = 0;
    for (const message of randomStream(300_000, 3)) {
      held.push(s.add({ message: n % 10 === 0 ? `${message} mail bob@example.com` : message, ts: 1_700_000_000_000 + n }));
      if (++n % 20_000 === 0) {
        s.merge();
        for (const h of held) s.resolve(h); // every held shape still resolves
        held = [];
        const st = s.stats();
        peakTimes = Math.max(peakTimes, st.timeEntries);
        peakShapes = Math.max(peakShapes, st.shapes);
        if (n === 100_000) heapAt100k = liveHeap();
      }
    }
    // What stays reachable after a full GC does not grow with the input (200k more lines).
    expect(liveHeap() - heapAt100k).toBeLessThan(15e6);
    expect(peakShapes).toBeLessThanOrEqual(1001);
    expect(peakTimes).toBeLessThanOrEqual(1001);
    const t = s.templates();
    expect(t.reduce((a, x) => a + x.count, 0)).toBe(300_000);
    expect(t.some((x) => x.template === 'connection <*> closed by peer mail <email>')).toBe(true);
    expect(JSON.stringify(t)).not.toContain('bob@example.com');
  });
});
