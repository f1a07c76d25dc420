// Service lookups for host-name fixes.
import type { Inventory, InventoryItem } from '../../../cmdb/inventory.js';
import type { AppInstance } from './shared.js';

/** Services (same namespace) whose selector picks the app's workload pods. */
export function servicesFor(inv: Inventory, app: AppInstance): InventoryItem[] {
  if (!app.workload) return [];
  return inv.byKind('Service').filter((s) => {
    if (s.ci.namespace !== app.namespace) return false;
    const sel = s.obj.spec?.selector;
    if (!sel || !Object.keys(sel).length) return false;
    return inv.selectPods(s.ci.namespace, sel).some((t) => t.owner.ci.id === app.workload!.ci.id);
  });
}

/** Keeps the style of the written host (`x`, `x.ns`, `x.ns.svc.cluster.local`) with another Service name. */
export function rewriteHost(host: string, service: string, namespace: string): string {
  const parts = host.split('.');
  const svcIdx = parts.indexOf('svc');
  if (svcIdx >= 2) return [service, namespace, ...parts.slice(svcIdx)].join('.');
  if (parts.length === 2) return `${service}.${namespace}`;
  return service;
}
