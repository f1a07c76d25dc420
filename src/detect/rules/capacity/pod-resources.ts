// What one pod of a template asks for, as the quota admission plugin counts it.
import type { Inventory, PodTemplateRef } from '../../../cmdb/inventory.js';
import { containers } from '../../util/pods.js';
import { effectiveResources } from '../../util/resources.js';

export interface PodAsk {
  requests: Record<string, number>;
  limits: Record<string, number>;
  /** Resources a container leaves unset (after LimitRange defaults). */
  unset: { requests: Set<string>; limits: Set<string> };
}

export function podAsk(inv: Inventory, tpl: PodTemplateRef): PodAsk {
  const ns = tpl.owner.ci.namespace;
  const sum = { requests: {} as Record<string, number>, limits: {} as Record<string, number> };
  const initMax = { requests: {} as Record<string, number>, limits: {} as Record<string, number> };
  const unset = { requests: new Set<string>(), limits: new Set<string>() };
  for (const r of containers(tpl, { init: true })) {
    const eff = effectiveResources(inv, ns, r.c);
    const sidecar = r.list === 'initContainers' && r.c.restartPolicy === 'Always';
    for (const kind of ['requests', 'limits'] as const) {
      for (const res of ['cpu', 'memory']) if (eff[kind][res] === undefined && r.list === 'containers') unset[kind].add(res);
      for (const [k, v] of Object.entries(eff[kind])) {
        if (r.list === 'containers' || sidecar) sum[kind][k] = (sum[kind][k] ?? 0) + v;
        else initMax[kind][k] = Math.max(initMax[kind][k] ?? 0, v);
      }
    }
  }
  for (const kind of ['requests', 'limits'] as const) for (const [k, v] of Object.entries(initMax[kind])) sum[kind][k] = Math.max(sum[kind][k] ?? 0, v);
  return { ...sum, unset };
}

/** How many pods the template stands for: replicas for workloads, parallelism for Jobs, 1 otherwise. */
export function podCount(tpl: PodTemplateRef): number {
  if (tpl.isPod) return 1;
  const spec = tpl.owner.obj.spec ?? {};
  if (tpl.owner.obj.kind === 'Job') return Number(spec.parallelism ?? 1);
  if (tpl.owner.obj.kind === 'CronJob') return Number(spec.jobTemplate?.spec?.parallelism ?? 1);
  return typeof tpl.replicas === 'number' ? tpl.replicas : 1;
}
