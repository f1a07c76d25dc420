import { describe, it, expect } from 'vitest';
import { TemplateRegistry } from './template-ids.js';
import { templateId } from './miner.js';
import { openStore } from '../../cmdb/open.js';

describe('TemplateRegistry', () => {
  it('ids survive runs through the store, also when a template generalises', () => {
    const store = openStore(':memory:');
    const r1 = TemplateRegistry.load(store, 'ns/app');
    const a = r1.resolve('user alice logged in', 2, '2026-01-01T00:00:00Z');
    expect(a.id).toBe(templateId('user alice logged in'));
    r1.save(store);

    const r2 = TemplateRegistry.load(store, 'ns/app');
    const g = r2.resolve('user <*> logged in', 5);
    expect(g.id).toBe(a.id); // same id, more general text
    expect(g.template).toBe('user <*> logged in');
    const other = r2.resolve('disk full');
    expect(other.id).not.toBe(a.id);
    r2.save(store);

    const r3 = TemplateRegistry.load(store, 'ns/app');
    expect(r3.resolve('user bob logged in').id).toBe(a.id); // a specific line maps to the stored general one
    expect(store.loadTemplates('ns/app').find((t) => t.id === a.id)?.count).toBe(7);
    expect(TemplateRegistry.load(store, 'other').all()).toEqual([]);
    store.close();
  });
});

describe('TemplateRegistry bounds', () => {
  it('holds at most maxTemplates: the least recently seen go to onEvict (to be saved), the recent stay', () => {
    const gone: string[] = [];
    const r = new TemplateRegistry('s', [], { maxTemplates: 16, onEvict: (t) => gone.push(...t.map((x) => x.template)) });
    const hot = r.resolve('hot template stays', 1);
    for (let i = 0; i < 100; i++) {
      r.resolve(`job number${i} finished`, 1);
      r.resolve('hot template stays', 1);
      expect(r.size).toBeLessThanOrEqual(16);
    }
    expect(r.evicted).toBe(gone.length);
    expect(r.size + gone.length).toBe(101);
    expect(gone).not.toContain('hot template stays');
    expect(gone).toContain('job number0 finished');
    expect(r.resolve('hot template stays').count).toBe(101);
    // An evicted template seen again keeps its id (the id is the hash of its text).
    expect(r.resolve('job number0 finished').id).toBe(templateId('job number0 finished'));
  });

  it('loads only the most recently seen maxTemplates from the store', () => {
    const stored = Array.from({ length: 40 }, (_, i) => ({ scope: 's', id: `t${i}`, template: `event ${i} happened`, count: 1, lastSeen: `2026-01-01T00:00:${String(i).padStart(2, '0')}Z` }));
    const r = new TemplateRegistry('s', stored, { maxTemplates: 16 });
    expect(r.size).toBe(16);
    expect(r.all().map((t) => t.id)).toContain('t39');
    expect(r.all().map((t) => t.id)).not.toContain('t0');
  });

  it('finds generalisations among thousands of templates (indexed by first token), also a variable first token', () => {
    const r = new TemplateRegistry('s');
    for (let i = 0; i < 5000; i++) r.resolve(`worker${i} did its thing`);
    const g = r.resolve('user <*> logged in', 3);
    const v = r.resolve('<*> connected to database', 2);
    expect(r.resolve('user bob logged in').id).toBe(g.id);
    expect(r.resolve('alice connected to database').id).toBe(v.id);
    // A new more general template takes over the specific one's id.
    const s = r.resolve('disk sda1 is full');
    expect(r.resolve('disk <*> is full').id).toBe(s.id);
    expect(s.template).toBe('disk <*> is full');
  });
});
