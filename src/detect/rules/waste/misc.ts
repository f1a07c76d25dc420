import type { Check, CheckMeta } from '../../check.js';
import type { Finding } from '../../../model/finding.js';
import { perObject } from '../../util/make.js';
import { finding } from '../../util/finding.js';
import { deployment, obj, yamlDocs } from '../../util/examples.js';
import { hpasFor, objectsPerNamespace } from '../../util/refs.js';

export const zeroReplicas = perObject({
  id: 'workload-zero-replicas', title: 'Workload scaled to zero', category: 'waste', severity: 'info',
  aliases: ['popeye:500'], needs: [],
  docs: { why: 'A Deployment/StatefulSet at 0 replicas runs nothing but keeps its config, Services and claims around; often forgotten after an incident.', fix: 'Delete it if it is no longer needed, or scale it back up.' },
  examples: { fail: yamlDocs(deployment('old', {}, { replicas: 0 })), pass: yamlDocs(deployment('web', {}, { replicas: 2 })) },
} satisfies CheckMeta, ['Deployment', 'StatefulSet'], (w, ctx) => (w.obj.spec?.replicas === 0 && !hpasFor(ctx.inv, w).length ? { message: `${w.ci.kind} ${w.ci.name} has replicas: 0`, evidence: { replicas: 0 } } : undefined));

export const pvReleased = perObject({
  id: 'pv-phase-problem', title: 'PersistentVolume Released or Failed', category: 'waste', severity: 'warning',
  aliases: ['popeye:1002', 'k8sgpt:Storage'], needs: ['live'],
  docs: { why: 'A Released PV (its claim was deleted, reclaimPolicy Retain) keeps the storage and is not reused automatically; Failed means reclamation failed.', fix: 'Back up or wipe the data, then delete the PV (or clear claimRef to make it Available again).' },
  examples: {
    fail: yamlDocs(obj('v1', 'PersistentVolume', 'pv-1', { spec: { capacity: { storage: '50Gi' }, persistentVolumeReclaimPolicy: 'Retain' }, status: { phase: 'Released' } }, null)),
    pass: yamlDocs(obj('v1', 'PersistentVolume', 'pv-1', { spec: { capacity: { storage: '50Gi' } }, status: { phase: 'Bound' } }, null)),
  },
} satisfies CheckMeta, ['PersistentVolume'], (pv) => {
  const ph = pv.obj.status?.phase;
  return ph === 'Released' || ph === 'Failed' ? { severity: ph === 'Failed' ? 'critical' : 'warning', message: `PersistentVolume ${pv.ci.name} (${pv.obj.spec?.capacity?.storage ?? '?'}) is ${ph}`, evidence: { phase: ph, reclaimPolicy: pv.obj.spec?.persistentVolumeReclaimPolicy ?? null, claimRef: pv.obj.spec?.claimRef?.name ?? null } } : undefined;
});

export const namespaceEmpty: Check = {
  meta: {
    id: 'namespace-empty', title: 'Namespace without workloads', category: 'waste', severity: 'info',
    aliases: ['namespace-inactive-or-unused', 'popeye:400'], needs: ['kind:Namespace'],
    docs: { why: 'A namespace with no workload left still carries quotas, secrets and RBAC bindings that nobody reviews.', fix: 'Delete the namespace if it is abandoned.' },
    examples: { fail: yamlDocs(obj('v1', 'Namespace', 'old-team', {}, null), obj('v1', 'ConfigMap', 'x', {}, 'old-team')), pass: yamlDocs(obj('v1', 'Namespace', 'shop', {}, null), deployment('web')) },
  },
  run(ctx) {
    const busy = new Set(ctx.inv.podTemplates.filter((t) => !t.isPod || ['Running', 'Pending'].includes(t.owner.obj.status?.phase)).map((t) => t.owner.ci.namespace));
    const out: Finding[] = [];
    for (const ns of ctx.inv.byKind('Namespace')) {
      if (busy.has(ns.ci.name) || /^(kube-|default$|openshift)/.test(ns.ci.name)) continue;
      out.push(finding(this.meta, ns, { message: `namespace ${ns.ci.name} has no ${ctx.inv.coverage.live ? 'running pods' : 'workloads in the input'}`, evidence: { objects: objectsPerNamespace(ctx.inv).get(ns.ci.name) ?? 0 } }));
    }
    return out;
  },
};
