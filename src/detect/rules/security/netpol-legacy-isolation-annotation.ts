// netpol-legacy-isolation-annotation: Namespace relies on the removed DefaultDeny annotation.
import type { CheckMeta } from '../../check.js';
import { perObject } from '../../util/make.js';
import { obj, yamlDocs } from '../../util/examples.js';

export const check = perObject({
  id: 'netpol-legacy-isolation-annotation', title: 'Namespace relies on the removed DefaultDeny annotation', category: 'security', severity: 'warning', aliases: [], needs: [],
  docs: { why: 'The `net.beta.kubernetes.io/network-policy` DefaultDeny annotation was the NetworkPolicy beta API; it has been ignored since Kubernetes 1.7. The namespace is NOT default-deny: pods no policy selects accept all traffic.', fix: 'Replace the annotation with a NetworkPolicy `podSelector: {}` and `policyTypes: [Ingress]`.' },
  examples: {
    fail: yamlDocs(obj('v1', 'Namespace', 'shop', { metadata: { name: 'shop', annotations: { 'net.beta.kubernetes.io/network-policy': '{"ingress":{"isolation":"DefaultDeny"}}' } } }, null)),
    pass: yamlDocs(obj('v1', 'Namespace', 'shop', {}, null), obj('networking.k8s.io/v1', 'NetworkPolicy', 'default-deny', { spec: { podSelector: {}, policyTypes: ['Ingress'] } })),
  },
} satisfies CheckMeta, ['Namespace'], (n, ctx) => {
  if (!/DefaultDeny/i.test(n.ci.annotations['net.beta.kubernetes.io/network-policy'] ?? '')) return undefined;
  const real = ctx.inv.byKind('NetworkPolicy').some((p) => p.ci.namespace === n.ci.name && Object.keys(p.obj.spec?.podSelector ?? {}).length === 0 && !(p.obj.spec?.ingress ?? []).length);
  return real ? undefined : { message: `namespace ${n.ci.name} asks for DefaultDeny through the beta annotation, which Kubernetes ignores: it is not isolated`, evidence: { annotation: n.ci.annotations['net.beta.kubernetes.io/network-policy'] } };
});
