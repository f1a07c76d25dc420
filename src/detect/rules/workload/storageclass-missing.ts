// storageclass-missing: Claim names a StorageClass that does not exist.
import type { CheckMeta } from '../../check.js';
import { perObject } from '../../util/make.js';
import { obj, yamlDocs } from '../../util/examples.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
export const check = perObject({
  id: 'storageclass-missing', title: 'Claim names a StorageClass that does not exist', category: 'relations', severity: 'critical', aliases: ['k8sgpt:StatefulSet', 'k8sgpt:PersistentVolumeClaim'], needs: ['kind:StorageClass'],
  docs: { why: 'A claim for an unknown StorageClass stays Pending forever: its pod never starts.', fix: 'Use an existing StorageClass (`kubectl get storageclass`) or create it.' },
  examples: {
    fail: yamlDocs(obj('storage.k8s.io/v1', 'StorageClass', 'standard', { provisioner: 'x' }, null), obj('v1', 'PersistentVolumeClaim', 'data', { spec: { storageClassName: 'fast-ssd', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } })),
    pass: yamlDocs(obj('storage.k8s.io/v1', 'StorageClass', 'standard', { provisioner: 'x' }, null), obj('v1', 'PersistentVolumeClaim', 'data', { spec: { storageClassName: 'standard', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } })),
  },
} satisfies CheckMeta, ['PersistentVolumeClaim', 'StatefulSet'], (i, ctx) => {
  const names = i.obj.kind === 'StatefulSet' ? ((i.obj.spec?.volumeClaimTemplates ?? []) as any[]).map((v) => v?.spec?.storageClassName) : [i.obj.spec?.storageClassName];
  const missing = names.filter((n) => typeof n === 'string' && n !== '' && !ctx.inv.find('StorageClass', '', n));
  return missing.length ? { message: `StorageClass ${missing.join(', ')} does not exist`, evidence: { storageClassName: missing } } : undefined;
});
