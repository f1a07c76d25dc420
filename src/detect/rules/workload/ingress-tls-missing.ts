// ingress-tls-missing: Ingress without TLS.
import type { CheckMeta } from '../../check.js';
import { perObject } from '../../util/make.js';
import { obj, yamlDocs } from '../../util/examples.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
export const check = perObject({
  id: 'ingress-tls-missing', title: 'Ingress without TLS', category: 'security', severity: 'info', aliases: ['polaris:tlsSettingsMissing'], needs: [],
  docs: { why: 'Without a tls section the ingress serves plain HTTP for these hosts.', fix: 'Add `spec.tls` with the hosts and a certificate Secret (e.g. via cert-manager).' },
  examples: { fail: yamlDocs(obj('networking.k8s.io/v1', 'Ingress', 'web', { spec: { rules: [{ host: 'shop.example.com' }] } })), pass: yamlDocs(obj('networking.k8s.io/v1', 'Ingress', 'web', { spec: { tls: [{ hosts: ['shop.example.com'], secretName: 'web-tls' }], rules: [{ host: 'shop.example.com' }] } })) },
} satisfies CheckMeta, ['Ingress'], (i) => ((i.obj.spec?.tls ?? []).length ? undefined : { message: `Ingress ${i.ci.name} has no TLS`, evidence: { hosts: (i.obj.spec?.rules ?? []).map((r: any) => r?.host).filter(Boolean) } }));
