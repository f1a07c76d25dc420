import { describe, it, expect } from 'vitest';
import { SqliteStore } from './sqlite-store.js';
import { buildInventory } from './build-inventory.js';
import { inventoryFromSnapshot, resolveSnapshotRef } from './snapshot-inventory.js';
import type { KubeObject } from '../model/kube.js';

describe('inventoryFromSnapshot', () => {
  it('reads back the objects and relations of a stored snapshot', () => {
    const store = new SqliteStore(':memory:');
    const objs: KubeObject[] = [
      { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'w', namespace: 'a' }, spec: { selector: { matchLabels: { app: 'w' } }, template: { metadata: { labels: { app: 'w' } }, spec: { containers: [{ name: 'c', image: 'i' }] } } } },
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 'w', namespace: 'a' }, spec: { selector: { app: 'w' } } },
    ];
    const inv = buildInventory(objs.map((obj) => ({ obj })), { cluster: 'c', live: false });
    store.recordSnapshot({ cluster: 'c', source: 't', cis: inv.items.map((i) => i.ci), relations: inv.relations });
    expect(resolveSnapshotRef(store, 'c', '@latest')).toBe(1);
    expect(resolveSnapshotRef(store, 'c', '@previous')).toBeUndefined();
    expect(resolveSnapshotRef(store, 'c', '@7')).toBeUndefined();
    const back = inventoryFromSnapshot(store, 'c', 1);
    expect(back.items.map((i) => i.ci.id).sort()).toEqual(inv.items.map((i) => i.ci.id).sort());
    expect(back.relations.map((r) => `${r.from} ${r.type} ${r.to}`)).toEqual(inv.relations.map((r) => `${r.from} ${r.type} ${r.to}`));
  });
});
