// More live-status checks: Services without ready endpoints, claims stuck, failed/evicted pods, HPAs
// that cannot scale.
import type { Check, CheckMeta } from '../../check.js';
import type { Finding } from '../../../model/finding.js';
import { perObject } from '../../util/make.js';
import { finding } from '../../util/finding.js';
import { obj, service, yamlDocs } from '../../util/examples.js';
import { podStatusCheck, podYaml } from './shared.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
const endpoints = (ready: number, notReady: number) => obj('v1', 'Endpoints', 'web', { subsets: ready + notReady ? [{ addresses: Array.from({ length: ready }, (_, i) => ({ ip: `10.0.0.${i + 1}` })), notReadyAddresses: Array.from({ length: notReady }, (_, i) => ({ ip: `10.0.1.${i + 1}` })), ports: [{ port: 8080 }] }] : [] });

export const serviceNoReadyEndpoints: Check = {
  meta: {
    id: 'service-no-ready-endpoints', title: 'Service has no ready endpoints', category: 'runtime', severity: 'critical',
    aliases: ['popeye:1105', 'k8sgpt:Service', 'detek:service_no_available_target', 'service-partially-available'], needs: ['live', 'kind:Endpoints'],
    docs: { why: 'A Service with a selector but no ready endpoint refuses every connection (or the ingress answers 503): its pods are missing, not ready, or not selected.', fix: 'Look at the selected pods: not ready (readiness probe), crashing, pending, or a selector that no longer matches.' },
    examples: { fail: yamlDocs(service('web', { app: 'web' }), endpoints(0, 2)), pass: yamlDocs(service('web', { app: 'web' }), endpoints(2, 0)) },
  },
  run(ctx) {
    const out: Finding[] = [];
    for (const svc of ctx.inv.byKind('Service')) {
      const sel = svc.obj.spec?.selector;
      if (!sel || !Object.keys(sel).length || svc.obj.spec?.type === 'ExternalName') continue;
      const ep = ctx.inv.find('Endpoints', svc.ci.namespace, svc.ci.name);
      if (!ep) continue;
      const subsets = ((ep.obj as any).subsets ?? []) as any[];
      const ready = subsets.reduce((n, s) => n + (s.addresses?.length ?? 0), 0);
      const notReady = subsets.reduce((n, s) => n + (s.notReadyAddresses?.length ?? 0), 0);
      if (ready > 0 && notReady === 0) continue;
      if (ready > 0) {
        out.push(finding(this.meta, svc, { severity: 'warning', message: `Service ${svc.ci.name}: ${notReady} of ${ready + notReady} endpoints not ready`, evidence: { ready, notReady }, also: [ep] }));
      } else {
        out.push(finding(this.meta, svc, { message: `Service ${svc.ci.name} has no ready endpoint${notReady ? ` (${notReady} not ready)` : ' (no pod selected)'}`, evidence: { ready, notReady }, also: [ep] }));
      }
    }
    return out;
  },
};

export const pvcPendingOrLost = perObject({
  id: 'pvc-pending-or-lost', title: 'PersistentVolumeClaim Pending or Lost', category: 'runtime', severity: 'critical', aliases: ['popeye:1003', 'popeye:1004', 'k8sgpt:PersistentVolumeClaim'], needs: ['live'],
  docs: { why: 'A Pending claim keeps its pods Pending (no StorageClass, no matching PV, provisioner failing, zone mismatch); a Lost claim lost its volume.', fix: 'Check `kubectl describe pvc` events: StorageClass, provisioner, capacity and access modes.' },
  examples: {
    fail: yamlDocs(obj('v1', 'PersistentVolumeClaim', 'data', { spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } }, status: { phase: 'Pending' } })),
    pass: yamlDocs(obj('v1', 'PersistentVolumeClaim', 'data', { spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } }, status: { phase: 'Bound' } })),
  },
} satisfies CheckMeta, ['PersistentVolumeClaim'], (p) => {
  const ph = p.obj.status?.phase;
  return ph === 'Pending' || ph === 'Lost' ? { message: `claim ${p.ci.name} is ${ph}${p.obj.spec?.storageClassName ? ` (StorageClass ${p.obj.spec.storageClassName})` : ''}`, evidence: { phase: ph, storageClassName: p.obj.spec?.storageClassName ?? null } } : undefined;
});

export const podFailed = podStatusCheck({
  id: 'pod-failed', title: 'Pod failed or was evicted', category: 'runtime', severity: 'warning', aliases: ['pod-evicted', 'popeye:207', 'detek:failed_pod', 'k8sgpt:Pod'], needs: ['live'],
  docs: { why: 'Evicted pods (node pressure, ephemeral-storage limit) and Failed pods of long-running workloads point at resource pressure or crashes; evicted pod objects also pile up.', fix: 'Read the status reason/message; for evictions check node pressure and ephemeral-storage requests/limits, then delete the failed pod objects.' },
  examples: { fail: yamlDocs(podYaml('web-1', { phase: 'Failed', reason: 'Evicted', message: 'The node was low on resource: ephemeral-storage.' })), pass: yamlDocs(podYaml('web-1', { phase: 'Running' }), podYaml('job-1', { phase: 'Succeeded' })) },
} satisfies CheckMeta, (pod) => {
  const s = pod.obj.status ?? {};
  if (s.phase !== 'Failed') return [];
  // A failed Job pod is the Job's business (job-failed).
  if ((pod.obj.metadata?.ownerReferences ?? []).some((o) => o.kind === 'Job')) return [];
  return [{ key: String(s.reason ?? 'Failed'), message: `${s.reason ?? 'Failed'}${s.message ? `: ${String(s.message).slice(0, 200)}` : ''}`, evidence: { phase: 'Failed', reason: s.reason ?? null, message: s.message ?? null } }];
});

export const hpaConditionFailing = perObject({
  id: 'hpa-condition-failing', title: 'HPA cannot compute or apply a scale', category: 'runtime', severity: 'warning', aliases: ['k8sgpt:HorizontalPodAutoscaler'], needs: ['live'],
  docs: { why: 'ScalingActive=False or AbleToScale=False means the HPA is not scaling at all: metrics missing (metrics-server, missing requests), or the target cannot be scaled.', fix: 'Read the condition message: install metrics-server / fix requests / fix the target reference.' },
  examples: {
    fail: yamlDocs(obj('autoscaling/v2', 'HorizontalPodAutoscaler', 'web', { spec: { scaleTargetRef: { kind: 'Deployment', name: 'web' }, maxReplicas: 5 }, status: { conditions: [{ type: 'ScalingActive', status: 'False', reason: 'FailedGetResourceMetric', message: 'the HPA was unable to compute the replica count: failed to get cpu utilization: missing request for cpu' }] } })),
    pass: yamlDocs(obj('autoscaling/v2', 'HorizontalPodAutoscaler', 'web', { spec: { scaleTargetRef: { kind: 'Deployment', name: 'web' }, maxReplicas: 5 }, status: { conditions: [{ type: 'ScalingActive', status: 'True' }, { type: 'ScalingLimited', status: 'True' }] } })),
  },
} satisfies CheckMeta, ['HorizontalPodAutoscaler'], (h) => {
  const bad = ((h.obj.status?.conditions ?? []) as any[]).filter((c) => (c?.type === 'ScalingActive' || c?.type === 'AbleToScale') && c.status === 'False');
  return bad.length ? { message: `HPA ${h.ci.name}: ${bad.map((c) => `${c.type}=False (${c.reason ?? ''}): ${c.message ?? ''}`).join('; ')}`, evidence: { conditions: bad } } : undefined;
});
