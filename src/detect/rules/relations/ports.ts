// Service port → container port resolution, shared by the port and NetworkPolicy checks.
import type { PodTemplateRef } from '../../../cmdb/inventory.js';
import { containerPorts, longRunningContainers, type PortRef } from '../../util/pods.js';

export interface ResolvedTarget {
  container: string;
  port: PortRef;
}

/** Where a Service targetPort (name or number) lands on a template's containers. */
export function resolveTargetPort(tpl: PodTemplateRef, target: number | string): ResolvedTarget[] {
  const out: ResolvedTarget[] = [];
  const numeric = typeof target === 'number' || /^\d+$/.test(String(target));
  for (const { c } of longRunningContainers(tpl)) {
    for (const p of containerPorts(c)) {
      if (numeric ? p.containerPort === Number(target) : p.name === target) out.push({ container: c.name, port: p });
    }
  }
  return out;
}

export function declaresAnyPort(tpl: PodTemplateRef): boolean {
  return longRunningContainers(tpl).some(({ c }) => containerPorts(c).length > 0);
}
