// secret-unused: Unused Secret.
import { deployment, obj, yamlDocs } from '../../util/examples.js';
import { unusedCheck } from './unused-check.js';

export const check = unusedCheck({
  id: 'secret-unused', title: 'Unused Secret', category: 'waste', severity: 'info',
  aliases: ['popeye:400'], needs: ['kind:Pod'],
  docs: { why: 'An unused Secret is a credential that still grants access but protects nothing; rotate-and-forget leftovers are a leak risk.', fix: 'Delete it (and revoke the credential) if nothing needs it.' },
  examples: {
    fail: yamlDocs(obj('v1', 'Secret', 'old-token', { type: 'Opaque' }), deployment('web')),
    pass: yamlDocs(obj('v1', 'Secret', 'regcred', { type: 'kubernetes.io/dockerconfigjson' }), obj('v1', 'ServiceAccount', 'web', { imagePullSecrets: [{ name: 'regcred' }] }), deployment('web', { serviceAccountName: 'web' })),
  },
}, 'Secret', (i) => ['kubernetes.io/service-account-token', 'helm.sh/release.v1', 'bootstrap.kubernetes.io/token'].includes(String(i.obj.type)) || /^sh\.helm\.release\./.test(i.ci.name));
