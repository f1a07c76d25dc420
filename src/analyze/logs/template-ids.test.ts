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
