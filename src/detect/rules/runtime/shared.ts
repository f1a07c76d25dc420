// Live pod status helpers: group problem pods by the workload that owns them, so a broken
// Deployment with 50 replicas is one finding naming 50 pods, not 50 findings.
import type { Check, CheckContext, CheckMeta } from '../../check.js';
import type { Inventory, InventoryItem } from '../../../cmdb/inventory.js';
import type { Finding } from '../../../model/finding.js';
import { finding } from '../../util/finding.js';
import { controllerOf } from '../../util/pods.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
export function topController(inv: Inventory, item: InventoryItem): InventoryItem {
  let cur = item;
  for (let i = 0; i < 4; i++) {
    const up = controllerOf(inv, cur);
    if (!up) break;
    cur = up;
  }
  return cur;
}

export interface PodProblem {
  /** Grouping key within the owner (e.g. the waiting reason and container). */
  key: string;
  message: string;
  evidence: Record<string, unknown>;
  severity?: Finding['severity'];
  fix?: string;
}

export function allContainerStatuses(pod: InventoryItem): any[] {
  const s = pod.obj.status ?? {};
  return [...(s.initContainerStatuses ?? []), ...(s.containerStatuses ?? [])];
}

/** One finding per (owning workload, problem key), listing the pods. */
export function podStatusCheck(meta: CheckMeta, test: (pod: InventoryItem, ctx: CheckContext) => PodProblem[]): Check {
  return {
    meta,
    run(ctx) {
      const groups = new Map<string, { owner: InventoryItem; p: PodProblem; pods: InventoryItem[] }>();
      for (const pod of ctx.inv.byKind('Pod')) {
        for (const p of test(pod, ctx)) {
          const owner = topController(ctx.inv, pod);
          const k = `${owner.ci.id}|${p.key}`;
          const g = groups.get(k);
          if (g) g.pods.push(pod);
          else groups.set(k, { owner, p, pods: [pod] });
        }
      }
      return [...groups.values()].map(({ owner, p, pods }) =>
        finding(meta, owner, {
          severity: p.severity,
          message: `${pods.length > 1 ? `${pods.length} pods of ${owner.ci.kind} ${owner.ci.name}` : `pod ${pods[0].ci.name}`}: ${p.message}`,
          evidence: { ...p.evidence, pods: pods.slice(0, 10).map((x) => x.ci.name), podCount: pods.length },
          also: pods.slice(0, 5).filter((x) => x !== owner),
          fix: p.fix,
        }),
      );
    },
  };
}

export const podYaml = (name: string, status: Record<string, unknown>, owner = true) => ({
  apiVersion: 'v1', kind: 'Pod',
  metadata: { name, namespace: 'shop', ...(owner ? { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-5d8f', controller: true }] } : {}) },
  spec: { containers: [{ name: 'app', image: 'shop/app:1.0' }] },
  status,
});
