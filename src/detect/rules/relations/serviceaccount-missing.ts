// serviceaccount-missing: Referenced ServiceAccount does not exist.
import { deployment, obj, yamlDocs } from '../../util/examples.js';
import { refMissing } from './dangling-reference.js';

export const check = refMissing({
  id: 'serviceaccount-missing', title: 'Referenced ServiceAccount does not exist', category: 'relations', severity: 'critical',
  aliases: ['popeye:307', 'kube-linter:non-existent-service-account'], needs: ['kind:ServiceAccount'],
  docs: { why: 'The ReplicaSet/StatefulSet controller cannot create pods for a ServiceAccount that does not exist (FailedCreate: serviceaccount not found).', fix: 'Create the ServiceAccount or fix serviceAccountName.' },
  examples: {
    fail: yamlDocs(obj('v1', 'ServiceAccount', 'other'), deployment('web', { serviceAccountName: 'web' })),
    pass: yamlDocs(obj('v1', 'ServiceAccount', 'web'), deployment('web', { serviceAccountName: 'web' }), deployment('web2', { serviceAccountName: 'default' })),
  },
}, 'ServiceAccount');
