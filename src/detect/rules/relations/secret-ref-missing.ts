// secret-ref-missing: Referenced Secret does not exist.
import { deployment, goodContainer, obj, yamlDocs } from '../../util/examples.js';
import { refMissing, docs } from './dangling-reference.js';

export const check = refMissing({
  id: 'secret-ref-missing', title: 'Referenced Secret does not exist', category: 'relations', severity: 'critical',
  aliases: ['popeye:304', 'kube-linter:env-value-from'], needs: ['kind:Secret'], docs: docs('Secret', 'CreateContainerConfigError or FailedMount'),
  examples: {
    fail: yamlDocs(obj('v1', 'Secret', 'other', { type: 'Opaque' }), deployment('web', {}, { containers: [goodContainer({ env: [{ name: 'PW', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } }] })] })),
    pass: yamlDocs(obj('v1', 'Secret', 'db', { type: 'Opaque' }), deployment('web', {}, { containers: [goodContainer({ env: [{ name: 'PW', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } }] })] })),
  },
}, 'Secret', (ev) => ev.field !== 'imagePullSecrets' && ev.field !== 'spec.tls.secretName');
