// namespace-empty: Namespace without workloads.
import type { Check } from '../../check.js';
import type { Finding } from '../../../model/finding.js';
import { finding } from '../../util/finding.js';
import { deployment, obj, yamlDocs } from '../../util/examples.js';
import { objectsPerNamespace } from '../../util/refs.js';

export const check: Check = {
  meta: {
    id: 'namespace-empty', title: 'Namespace without workloads', category: 'waste', severity: 'info',
    aliases: ['namespace-inactive-or-unused', 'popeye:400'], needs: ['kind:Namespace'],
    docs: { why: 'A namespace with no workload left still carries quotas, secrets and RBAC bindings that nobody reviews.', fix: 'Delete the namespace if it is abandoned.' },
    examples: { fail: yamlDocs(obj('v1', 'Namespace', 'old-team', {}, null), obj('v1', 'ConfigMap', 'x', {}, 'old-team')), pass: yamlDocs(obj('v1', 'Namespace', 'shop', {}, null), deployment('web')) },
  },
  run(ctx) {
    const busy = new Set(ctx.inv.podTemplates.filter((t) => !t.isPod || ['Running', 'Pending'].includes(t.owner.obj.status?.phase)).map((t) => t.owner.ci.namespace));
    const out: Finding[] = [];
    for (const ns of ctx.inv.byKind('Namespace')) {
      if (busy.has(ns.ci.name) || /^(kube-|default$|openshift)/.test(ns.ci.name)) continue;
      out.push(finding(this.meta, ns, { message: `namespace ${ns.ci.name} has no ${ctx.inv.coverage.live ? 'running pods' : 'workloads in the input'}`, evidence: { objects: objectsPerNamespace(ctx.inv).get(ns.ci.name) ?? 0 } }));
    }
    return out;
  },
};
