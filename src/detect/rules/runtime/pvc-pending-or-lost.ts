// pvc-pending-or-lost: PersistentVolumeClaim Pending or Lost.
import type { CheckMeta } from '../../check.js';
import { perObject } from '../../util/make.js';
import { obj, yamlDocs } from '../../util/examples.js';

export const check = perObject({
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
