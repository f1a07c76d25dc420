// image-pull-secret-missing: imagePullSecret does not exist.
import { deployment, obj, yamlDocs } from '../../util/examples.js';
import { refMissing } from './dangling-reference.js';

export const check = refMissing({
  id: 'image-pull-secret-missing', title: 'imagePullSecret does not exist', category: 'relations', severity: 'warning',
  aliases: ['popeye:305'], needs: ['kind:Secret'],
  docs: { why: 'A missing pull secret makes pulls from a private registry fail with ImagePullBackOff (public images still work, hence warning).', fix: 'Create the docker-registry Secret or remove the reference.' },
  examples: {
    fail: yamlDocs(obj('v1', 'Secret', 'other', { type: 'Opaque' }), deployment('web', { imagePullSecrets: [{ name: 'regcred' }] })),
    pass: yamlDocs(obj('v1', 'Secret', 'regcred', { type: 'kubernetes.io/dockerconfigjson' }), deployment('web', { imagePullSecrets: [{ name: 'regcred' }] })),
  },
}, 'Secret', (ev) => ev.field === 'imagePullSecrets');
