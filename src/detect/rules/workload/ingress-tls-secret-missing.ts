// ingress-tls-secret-missing: Ingress TLS Secret does not exist.
import type { CheckMeta } from '../../check.js';
import { perObject } from '../../util/make.js';
import { obj, yamlDocs } from '../../util/examples.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
export const check = perObject({
  id: 'ingress-tls-secret-missing', title: 'Ingress TLS Secret does not exist', category: 'relations', severity: 'warning', aliases: ['k8sgpt:Ingress'], needs: ['kind:Secret'],
  docs: { why: 'Without its certificate Secret the ingress controller serves its default (self-signed) certificate: browsers and clients refuse the connection.', fix: 'Create the TLS Secret (or the cert-manager Certificate producing it), or fix secretName.' },
  examples: {
    fail: yamlDocs(obj('v1', 'Secret', 'other', { type: 'Opaque' }), obj('networking.k8s.io/v1', 'Ingress', 'web', { spec: { tls: [{ secretName: 'web-tls' }] } })),
    pass: yamlDocs(obj('v1', 'Secret', 'web-tls', { type: 'kubernetes.io/tls' }), obj('networking.k8s.io/v1', 'Ingress', 'web', { spec: { tls: [{ secretName: 'web-tls' }] } })),
  },
} satisfies CheckMeta, ['Ingress'], (i, ctx) => {
  // cert-manager creates the Secret from an annotation: not missing, just not yet issued.
  if (Object.keys(i.ci.annotations).some((k) => k.startsWith('cert-manager.io/'))) return undefined;
  const missing = ((i.obj.spec?.tls ?? []) as any[]).map((t) => t?.secretName).filter((n) => n && !ctx.inv.find('Secret', i.ci.namespace, n));
  return missing.length ? { message: `TLS Secret ${missing.join(', ')} not found in ${i.ci.namespace}`, evidence: { secretName: missing } } : undefined;
});
