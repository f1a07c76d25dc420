// pvc-ref-missing: Referenced PersistentVolumeClaim does not exist.
import { deployment, obj, yamlDocs } from '../../util/examples.js';
import { refMissing, docs } from './dangling-reference.js';

export const check = refMissing({
  id: 'pvc-ref-missing', title: 'Referenced PersistentVolumeClaim does not exist', category: 'relations', severity: 'critical',
  aliases: [], needs: ['kind:PersistentVolumeClaim'], docs: docs('PersistentVolumeClaim', 'the pod stays Pending (persistentvolumeclaim not found)'),
  examples: {
    fail: yamlDocs(obj('v1', 'PersistentVolumeClaim', 'other', { spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }), deployment('web', { volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'web-data' } }] })),
    pass: yamlDocs(obj('v1', 'PersistentVolumeClaim', 'web-data', { spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }), deployment('web', { volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'web-data' } }] })),
  },
}, 'PersistentVolumeClaim');
