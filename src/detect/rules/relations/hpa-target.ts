// HorizontalPodAutoscaler helpers shared by the HPA relation and capacity checks: resolve an HPA's
// scaleTargetRef, and an example HPA for the checks' metadata.
import type { InventoryItem } from '../../../cmdb/inventory.js';
import type { Inventory } from '../../../cmdb/inventory.js';
import { ciKind } from '../../../model/kube.js';
import { obj } from '../../util/examples.js';

export const hpa = (target: string, metrics: unknown[] = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }], min = 2, max = 5) =>
  obj('autoscaling/v2', 'HorizontalPodAutoscaler', 'web', { spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: target }, minReplicas: min, maxReplicas: max, metrics } });

export function hpaTarget(inv: Inventory, h: InventoryItem): { kind: string; name: string; item?: InventoryItem } | undefined {
  const ref = h.obj.spec?.scaleTargetRef;
  if (!ref?.kind || !ref.name) return undefined;
  const kind = ciKind(ref.apiVersion ?? 'apps/v1', ref.kind);
  return { kind, name: ref.name, item: inv.find(kind, h.ci.namespace, ref.name) };
}
