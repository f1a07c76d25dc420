// Rebuilds an Inventory from a stored snapshot, so checks that need history (a change that
// detaches pods from their Service) can compare against what the CMDB recorded.
import type { CmdbStore } from './store.js';
import type { Inventory } from './inventory.js';
import type { KubeObject } from '../model/kube.js';
import { buildInventory } from './build-inventory.js';

export function inventoryFromSnapshot(store: CmdbStore, cluster: string, snapshot: number): Inventory {
  const cis = store.listCIs({ cluster, snapshot }).filter((c) => c.type === 'k8s');
  return buildInventory(cis.map((c) => ({ obj: c.config as unknown as KubeObject, source: c.source })), { cluster, live: false });
}

/** `@3`, `@latest`, `@previous` → a snapshot id of `cluster`, or undefined. */
export function resolveSnapshotRef(store: CmdbStore, cluster: string, ref: string): number | undefined {
  const snaps = store.listSnapshots(cluster);
  const r = ref.replace(/^@/, '');
  if (r === 'latest') return snaps.at(-1)?.id;
  if (r === 'previous') return snaps.at(-2)?.id;
  if (/^\d+$/.test(r)) return snaps.find((s) => s.id === Number(r))?.id;
  return undefined;
}
