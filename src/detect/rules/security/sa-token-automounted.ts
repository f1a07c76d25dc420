import type { CheckMeta } from '../../check.js';
import { perTemplate } from '../../util/make.js';
import { podSpecPatch } from '../../util/patch.js';
import { deployment, obj, yamlDocs } from '../../util/examples.js';

const meta: CheckMeta = {
  id: 'sa-token-automounted',
  title: 'Service account token automounted',
  category: 'security',
  severity: 'info',
  aliases: ['polaris:automountServiceAccountToken'],
  needs: [],
  docs: {
    why: 'Every pod gets an API token by default; most applications never call the Kubernetes API, and a stolen token is a foothold in the cluster.',
    fix: 'Set `automountServiceAccountToken: false` on the pod spec (or on its ServiceAccount) unless the app talks to the API server.',
  },
  examples: {
    fail: yamlDocs(deployment('web', { automountServiceAccountToken: true })),
    pass: yamlDocs(deployment('web'), obj('v1', 'ServiceAccount', 'quiet', { automountServiceAccountToken: false }), deployment('web2', { automountServiceAccountToken: undefined, serviceAccountName: 'quiet' })),
  },
};

export const check = perTemplate(meta, (tpl, ctx) => {
  const v = tpl.spec?.automountServiceAccountToken;
  if (v === false) return undefined;
  if (v === undefined) {
    const sa = ctx.inv.find('ServiceAccount', tpl.owner.ci.namespace, tpl.spec?.serviceAccountName ?? tpl.spec?.serviceAccount ?? 'default');
    if (sa?.obj.automountServiceAccountToken === false) return undefined;
  }
  return { message: `pod automounts the ${tpl.spec?.serviceAccountName ?? 'default'} service account token`, evidence: { automountServiceAccountToken: v ?? null }, patch: podSpecPatch(tpl, { automountServiceAccountToken: false }) };
});
