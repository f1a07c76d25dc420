// ingress-backend-service-missing: Ingress backend Service does not exist.
import type { Check } from '../../check.js';
import type { Finding } from '../../../model/finding.js';
import { finding } from '../../util/finding.js';
import { service, yamlDocs } from '../../util/examples.js';
import { ingressBackends } from '../../../cmdb/relations.js';
import { ingress } from './ingress-examples.js';

export const check: Check = {
  meta: {
    id: 'ingress-backend-service-missing', title: 'Ingress backend Service does not exist', category: 'relations', severity: 'critical',
    aliases: ['kube-score:ingress-targets-service', 'popeye:1401', 'kube-linter:dangling-ingress'], needs: ['kind:Service'],
    docs: { why: 'Requests for that host/path get 503 from the ingress controller: it has nowhere to send them.', fix: 'Point the backend at an existing Service (same namespace as the Ingress) or create it.' },
    examples: { fail: yamlDocs(service('web', { app: 'web' }), ingress('frontend', { number: 80 })), pass: yamlDocs(service('web', { app: 'web' }), ingress('web', { number: 80 })) },
  },
  run(ctx) {
    const out: Finding[] = [];
    for (const ing of ctx.inv.byKind('Ingress')) {
      for (const b of ingressBackends(ing.obj)) {
        if (ctx.inv.find('Service', ing.ci.namespace, b.service)) continue;
        out.push(finding(this.meta, ing, { message: `Ingress ${ing.ci.name} routes ${b.path} to Service ${b.service}, which does not exist in ${ing.ci.namespace}`, evidence: { service: b.service, port: b.port, path: b.path } }));
      }
    }
    return out;
  },
};
