// netpol-selects-no-pods: NetworkPolicy selects no pods.
import type { CheckMeta } from '../../check.js';
import { perObject } from '../../util/make.js';
import { deployment, yamlDocs } from '../../util/examples.js';
import { namespacesWithPods } from '../../util/refs.js';
import { selectorText } from '../../util/labels.js';
import { np } from './policy-examples.js';

export const check = perObject({
  id: 'netpol-selects-no-pods', title: 'NetworkPolicy selects no pods', category: 'relations', severity: 'warning', aliases: ['kube-score:networkpolicy-targets-pod', 'popeye:1200', 'kube-linter:dangling-networkpolicy'], needs: ['kind:Pod'],
  docs: { why: 'A policy whose podSelector matches nothing protects nothing; usually a label typo, so the pods meant to be isolated are open.', fix: 'Fix the podSelector to the pods\' labels.' },
  examples: { fail: yamlDocs(deployment('web'), np('web', { matchLabels: { app: 'webb' } })), pass: yamlDocs(deployment('web'), np('web', { matchLabels: { app: 'web' } })) },
} satisfies CheckMeta, ['NetworkPolicy'], (p, ctx) => {
  if (!namespacesWithPods(ctx.inv).has(p.ci.namespace)) return undefined;
  const sel = p.obj.spec?.podSelector ?? {};
  return ctx.inv.selectPods(p.ci.namespace, sel).length ? undefined : { message: `podSelector ${selectorText(sel)} matches no pod in ${p.ci.namespace}`, evidence: { podSelector: sel } };
});
