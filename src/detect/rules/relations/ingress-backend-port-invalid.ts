// ingress-backend-port-invalid: Ingress backend port is not a port of the Service.
import type { Check } from '../../check.js';
import type { Finding } from '../../../model/finding.js';
import { finding } from '../../util/finding.js';
import { service, yamlDocs } from '../../util/examples.js';
import { ingressBackends } from '../../../cmdb/relations.js';
import { ingress } from './ingress-examples.js';

export const check: Check = {
  meta: {
    id: 'ingress-backend-port-invalid', title: 'Ingress backend port is not a port of the Service', category: 'relations', severity: 'critical',
    aliases: ['kube-score:ingress-targets-service', 'popeye:1402', 'popeye:1404'], needs: ['kind:Service'],
    docs: { why: 'A backend port that the Service does not define yields 503 for that host/path.', fix: 'Use one of the Service\'s port numbers or names in the Ingress backend.' },
    examples: { fail: yamlDocs(service('web', { app: 'web' }), ingress('web', { number: 8080 })), pass: yamlDocs(service('web', { app: 'web' }), ingress('web', { name: 'http' })) },
  },
  run(ctx) {
    const out: Finding[] = [];
    for (const ing of ctx.inv.byKind('Ingress')) {
      for (const b of ingressBackends(ing.obj)) {
        const svc = ctx.inv.find('Service', ing.ci.namespace, b.service);
        if (!svc || b.port === undefined) continue;
        const ports = (Array.isArray(svc.obj.spec?.ports) ? svc.obj.spec.ports : []) as Array<{ name?: string; port?: number }>;
        const ok = ports.some((p) => (typeof b.port === 'number' || /^\d+$/.test(String(b.port)) ? Number(p.port) === Number(b.port) : p.name === b.port));
        if (ok) continue;
        const offered = ports.map((p) => (p.name ? `${p.name}/${p.port}` : String(p.port)));
        out.push(finding(this.meta, ing, { message: `Ingress ${ing.ci.name} routes ${b.path} to ${b.service}:${b.port}, but the Service offers ${offered.join(', ') || 'no ports'}`, evidence: { service: b.service, port: b.port, servicePorts: offered }, also: [svc], fix: `Use ${offered.join(' or ')} as the backend port.` }));
      }
    }
    return out;
  },
};
