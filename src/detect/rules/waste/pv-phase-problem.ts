// pv-phase-problem: PersistentVolume Released or Failed.
import type { CheckMeta } from '../../check.js';
import { perObject } from '../../util/make.js';
import { obj, yamlDocs } from '../../util/examples.js';

export const check = perObject({
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
