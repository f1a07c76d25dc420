// ingress-class-missing: Ingress names an IngressClass that does not exist.
import type { CheckMeta } from '../../check.js';
import { perObject } from '../../util/make.js';
import { obj, yamlDocs } from '../../util/examples.js';

export const check = perObject({
  id: 'ingress-class-missing', title: 'Ingress names an IngressClass that does not exist', category: 'relations', severity: 'warning', aliases: ['k8sgpt:Ingress'], needs: ['kind:IngressClass'],
  docs: { why: 'No controller picks up an Ingress whose class does not exist: its hosts are simply not served.', fix: 'Set ingressClassName to an existing IngressClass (`kubectl get ingressclass`).' },
  examples: {
    fail: yamlDocs(obj('networking.k8s.io/v1', 'IngressClass', 'nginx', { spec: { controller: 'k8s.io/ingress-nginx' } }, null), obj('networking.k8s.io/v1', 'Ingress', 'web', { spec: { ingressClassName: 'traefik', rules: [] } })),
    pass: yamlDocs(obj('networking.k8s.io/v1', 'IngressClass', 'nginx', { spec: { controller: 'k8s.io/ingress-nginx' } }, null), obj('networking.k8s.io/v1', 'Ingress', 'web', { spec: { ingressClassName: 'nginx', rules: [] } })),
  },
} satisfies CheckMeta, ['Ingress'], (i, ctx) => {
  const cls = i.obj.spec?.ingressClassName ?? i.ci.annotations['kubernetes.io/ingress.class'];
  return cls && !ctx.inv.find('IngressClass', '', cls) ? { message: `Ingress ${i.ci.name} uses class ${cls}, which does not exist`, evidence: { ingressClassName: cls } } : undefined;
});
