// Concrete patches for findings: `kubectl patch --type strategic` commands that merge containers
// by name (built-in workload kinds only; custom resources do not support strategic merge).
import type { PodTemplateRef } from '../../cmdb/inventory.js';
import type { Patch } from '../../model/finding.js';

const RESOURCE: Record<string, string> = { Deployment: 'deployment', StatefulSet: 'statefulset', DaemonSet: 'daemonset', ReplicaSet: 'replicaset', Job: 'job', CronJob: 'cronjob' };

function wrap(tpl: PodTemplateRef, podSpecPatch: Record<string, unknown>): Record<string, unknown> | undefined {
  const keys = tpl.path.replace(/^\$\./, '').split('.');
  if (keys[keys.length - 1] !== 'spec' || keys.some((k) => /\[/.test(k))) return undefined;
  let v: Record<string, unknown> = podSpecPatch;
  for (let i = keys.length - 1; i >= 0; i--) v = { [keys[i]]: v };
  return v;
}

function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** Patch for the pod spec of a template (e.g. `{ automountServiceAccountToken: false }`). */
export function podSpecPatch(tpl: PodTemplateRef, podSpec: Record<string, unknown>): Patch | undefined {
  const res = RESOURCE[tpl.owner.obj.kind];
  const body = res && wrap(tpl, podSpec);
  if (!body) return undefined;
  const ns = tpl.owner.ci.namespace ? `-n ${tpl.owner.ci.namespace} ` : '';
  return { type: 'kubectl', target: tpl.owner.ci.id, content: `kubectl ${ns}patch ${res} ${tpl.owner.ci.name} --type strategic -p ${shellQuote(JSON.stringify(body))}` };
}

/** Patch merging `fields` into one container (by name). */
export function containerPatch(tpl: PodTemplateRef, list: string, name: string, fields: Record<string, unknown>): Patch | undefined {
  if (typeof name !== 'string' || !name) return undefined;
  return podSpecPatch(tpl, { [list]: [{ name, ...fields }] });
}
