// service-no-ready-endpoints: Service has no ready endpoints.
import type { Check } from '../../check.js';
import type { Finding } from '../../../model/finding.js';
import { finding } from '../../util/finding.js';
import { obj, service, yamlDocs } from '../../util/examples.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
const endpoints = (ready: number, notReady: number) => obj('v1', 'Endpoints', 'web', { subsets: ready + notReady ? [{ addresses: Array.from({ length: ready }, (_, i) => ({ ip: `10.0.0.${i + 1}` })), notReadyAddresses: Array.from({ length: notReady }, (_, i) => ({ ip: `10.0.1.${i + 1}` })), ports: [{ port: 8080 }] }] : [] });

export const check: Check = {
  meta: {
    id: 'service-no-ready-endpoints', title: 'Service has no ready endpoints', category: 'runtime', severity: 'critical',
    aliases: ['popeye:1105', 'k8sgpt:Service', 'detek:service_no_available_target', 'service-partially-available'], needs: ['live', 'kind:Endpoints'],
    docs: { why: 'A Service with a selector but no ready endpoint refuses every connection (or the ingress answers 503): its pods are missing, not ready, or not selected.', fix: 'Look at the selected pods: not ready (readiness probe), crashing, pending, or a selector that no longer matches.' },
    examples: { fail: yamlDocs(service('web', { app: 'web' }), endpoints(0, 2)), pass: yamlDocs(service('web', { app: 'web' }), endpoints(2, 0)) },
  },
  run(ctx) {
    const out: Finding[] = [];
    for (const svc of ctx.inv.byKind('Service')) {
      const sel = svc.obj.spec?.selector;
      if (!sel || !Object.keys(sel).length || svc.obj.spec?.type === 'ExternalName') continue;
      const ep = ctx.inv.find('Endpoints', svc.ci.namespace, svc.ci.name);
      if (!ep) continue;
      const subsets = ((ep.obj as any).subsets ?? []) as any[];
      const ready = subsets.reduce((n, s) => n + (s.addresses?.length ?? 0), 0);
      const notReady = subsets.reduce((n, s) => n + (s.notReadyAddresses?.length ?? 0), 0);
      if (ready > 0 && notReady === 0) continue;
      if (ready > 0) {
        out.push(finding(this.meta, svc, { severity: 'warning', message: `Service ${svc.ci.name}: ${notReady} of ${ready + notReady} endpoints not ready`, evidence: { ready, notReady }, also: [ep] }));
      } else {
        out.push(finding(this.meta, svc, { message: `Service ${svc.ci.name} has no ready endpoint${notReady ? ` (${notReady} not ready)` : ' (no pod selected)'}`, evidence: { ready, notReady }, also: [ep] }));
      }
    }
    return out;
  },
};
