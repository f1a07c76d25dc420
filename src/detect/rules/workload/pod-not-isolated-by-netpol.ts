// pod-not-isolated-by-netpol: Pods not selected by any NetworkPolicy.
import type { Check } from '../../check.js';
import type { Finding } from '../../../model/finding.js';
import { finding } from '../../util/finding.js';
import { deployment, yamlDocs } from '../../util/examples.js';
import { netpolsByNs } from '../../util/refs.js';
import { selectorMatches } from '../../util/labels.js';
import { np } from './policy-examples.js';

export const check: Check = {
  meta: {
    id: 'pod-not-isolated-by-netpol', title: 'Pods not selected by any NetworkPolicy', category: 'security', severity: 'info', aliases: ['polaris:missingNetworkPolicy', 'kube-score:pod-networkpolicy', 'kube-linter:non-isolated-pod'], needs: [],
    docs: { why: 'Pods no NetworkPolicy selects accept traffic from every pod in the cluster; a compromised pod elsewhere can reach them.', fix: 'Add a default-deny policy for the namespace plus explicit allow rules.' },
    examples: { fail: yamlDocs(deployment('web')), pass: yamlDocs(deployment('web'), np('deny', {}, { policyTypes: ['Ingress'] })) },
  },
  run(ctx) {
    const out: Finding[] = [];
    for (const tpl of ctx.inv.podTemplates) {
      if (tpl.isPod && ctx.inv.podTemplates.length > 1 && (tpl.owner.obj.metadata?.ownerReferences ?? []).length) continue;
      if (tpl.spec?.hostNetwork) continue;
      const pols = netpolsByNs(ctx.inv).get(tpl.owner.ci.namespace) ?? [];
      if (pols.some((p) => selectorMatches(p.obj.spec?.podSelector ?? {}, tpl.labels))) continue;
      out.push(finding(this.meta, tpl.owner, { message: `no NetworkPolicy selects the pods of ${tpl.owner.ci.kind} ${tpl.owner.ci.name}`, evidence: { labels: tpl.labels } }));
    }
    return out;
  },
};
