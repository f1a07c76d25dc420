// Pod spec helpers shared by the checks: which templates to check, their containers, ports, probes.
import type { Inventory, InventoryItem, PodTemplateRef } from '../../cmdb/inventory.js';
import { ciKind } from '../../model/kube.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- pod specs are read defensively */
export type Container = Record<string, any>;

export interface ContainerRef {
  tpl: PodTemplateRef;
  c: Container;
  /** `containers`, `initContainers` or `ephemeralContainers`. */
  list: string;
  index: number;
}

/** The owner's controller, when it is itself in the inventory (then the controller's template is what we check). */
export function controllerOf(inv: Inventory, item: InventoryItem): InventoryItem | undefined {
  const refs = item.obj.metadata?.ownerReferences ?? [];
  const ref = refs.find((r) => r.controller) ?? (refs.length === 1 ? refs[0] : undefined);
  if (!ref) return undefined;
  return inv.find(ciKind(ref.apiVersion ?? '', ref.kind), item.ci.namespace, ref.name);
}

const cache = new WeakMap<Inventory, PodTemplateRef[]>();

/**
 * Pod templates to run spec (hygiene) checks on: one per workload. Live pods and ReplicaSets/Jobs
 * whose controller is in the inventory are left out so one mistake is reported once, on the
 * object a person edits. Helm test hooks are left out too (users asked: they are throwaway pods).
 */
export function specTemplates(inv: Inventory): PodTemplateRef[] {
  let out = cache.get(inv);
  if (out) return out;
  out = inv.podTemplates.filter((t) => {
    const ann = t.owner.obj.metadata?.annotations ?? {};
    if (/\btest(-success|-failure)?\b/.test(ann['helm.sh/hook'] ?? '')) return false;
    return !controllerOf(inv, t.owner);
  });
  cache.set(inv, out);
  return out;
}

export function containers(tpl: PodTemplateRef, opts: { init?: boolean } = {}): ContainerRef[] {
  const out: ContainerRef[] = [];
  const lists = opts.init ? ['initContainers', 'containers'] : ['containers'];
  for (const list of lists) {
    const arr = tpl.spec?.[list];
    if (!Array.isArray(arr)) continue;
    arr.forEach((c, index) => c && typeof c === 'object' && out.push({ tpl, c, list, index }));
  }
  return out;
}

/** Sidecar-style init containers (restartPolicy: Always) run for the pod's life: treat them as containers. */
export function longRunningContainers(tpl: PodTemplateRef): ContainerRef[] {
  return containers(tpl, { init: true }).filter((r) => r.list === 'containers' || r.c.restartPolicy === 'Always');
}

export function containerPath(r: ContainerRef): string {
  return `${r.tpl.path}.${r.list}[${r.index}]`;
}

/** `Deployment shop/api` — how findings name the object a person edits. */
export function ownerLabel(item: InventoryItem): string {
  const k = item.ci.kind;
  return item.ci.namespace ? `${k} ${item.ci.namespace}/${item.ci.name}` : `${k} ${item.ci.name}`;
}

export function workloadKindOf(tpl: PodTemplateRef): string {
  return tpl.owner.ci.kind;
}

/** Jobs, CronJobs and bare pods with restartPolicy Never/OnFailure run to completion. */
export function isBatch(tpl: PodTemplateRef): boolean {
  const k = tpl.owner.obj.kind;
  return k === 'Job' || k === 'CronJob' || (tpl.spec?.restartPolicy && tpl.spec.restartPolicy !== 'Always');
}

export interface PortRef {
  name?: string;
  containerPort: number;
  protocol: string;
}

export function containerPorts(c: Container): PortRef[] {
  if (!Array.isArray(c.ports)) return [];
  return c.ports
    .filter((p: any) => p && p.containerPort !== undefined)
    .map((p: any) => ({ name: p.name, containerPort: Number(p.containerPort), protocol: String(p.protocol ?? 'TCP').toUpperCase() }));
}

/** Resolves a port reference (number or name) against a container; undefined when it does not exist there. */
export function resolvePort(c: Container, ref: number | string): PortRef | undefined {
  const ports = containerPorts(c);
  if (typeof ref === 'number' || /^\d+$/.test(String(ref))) {
    const n = Number(ref);
    return ports.find((p) => p.containerPort === n);
  }
  return ports.find((p) => p.name === ref);
}

export const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;

/** The port a probe targets (httpGet/tcpSocket/grpc), if it has one. */
export function probePort(probe: any): number | string | undefined {
  if (!probe || typeof probe !== 'object') return undefined;
  return probe.httpGet?.port ?? probe.tcpSocket?.port ?? probe.grpc?.port;
}
