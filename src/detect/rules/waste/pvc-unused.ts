// pvc-unused: Unused PersistentVolumeClaim.
import { deployment, obj, yamlDocs } from '../../util/examples.js';
import { unusedCheck } from './unused-check.js';

export const check = unusedCheck({
  id: 'pvc-unused', title: 'Unused PersistentVolumeClaim', category: 'waste', severity: 'info',
  aliases: ['popeye:400'], needs: ['kind:Pod'],
  docs: { why: 'An unmounted claim keeps its volume (and its cost) forever.', fix: 'Delete the PVC once the data is not needed (check the PV reclaimPolicy first).' },
  examples: {
    fail: yamlDocs(obj('v1', 'PersistentVolumeClaim', 'old-data', { spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10Gi' } } } }), deployment('web')),
    pass: yamlDocs(obj('v1', 'PersistentVolumeClaim', 'data', { spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10Gi' } } } }), deployment('web', { volumes: [{ name: 'd', persistentVolumeClaim: { claimName: 'data' } }] })),
  },
}, 'PersistentVolumeClaim', (i, inv) =>
  // Claims from StatefulSet volumeClaimTemplates (<template>-<sts>-<ordinal>) belong to the StatefulSet.
  inv.byKind('StatefulSet').some((s) => s.ci.namespace === i.ci.namespace && (s.obj.spec?.volumeClaimTemplates ?? []).some((v: { metadata?: { name?: string } }) => new RegExp(`^${v.metadata?.name}-${s.ci.name}-\\d+$`).test(i.ci.name))),
);
