// gateway-api-broken-ref: HTTPRoute backend Service does not exist.
import type { Check } from '../../check.js';
import type { Finding } from '../../../model/finding.js';
import { finding } from '../../util/finding.js';
import { obj, service, yamlDocs } from '../../util/examples.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
const ROUTE = 'HTTPRoute.gateway.networking.k8s.io';

export const check: Check = {
  meta: {
    id: 'gateway-api-broken-ref', title: 'HTTPRoute backend Service does not exist', category: 'relations', severity: 'critical', aliases: ['k8sgpt:HTTPRoute', 'popeye:407'], needs: ['kind:Service'],
    docs: { why: 'A route to a missing backend answers 500 (or the route is not accepted) for its matches.', fix: 'Point backendRefs at an existing Service and port (a ReferenceGrant is needed across namespaces).' },
    examples: {
      fail: yamlDocs(service('web', { app: 'web' }), obj('gateway.networking.k8s.io/v1', 'HTTPRoute', 'web', { spec: { parentRefs: [{ name: 'gw' }], rules: [{ backendRefs: [{ name: 'website', port: 80 }] }] } })),
      pass: yamlDocs(service('web', { app: 'web' }), obj('gateway.networking.k8s.io/v1', 'HTTPRoute', 'web', { spec: { parentRefs: [{ name: 'gw' }], rules: [{ backendRefs: [{ name: 'web', port: 80 }] }] } })),
    },
  },
  run(ctx) {
    const out: Finding[] = [];
    for (const r of ctx.inv.byKind(ROUTE)) {
      for (const rule of (r.obj.spec?.rules ?? []) as any[]) {
        for (const b of (rule?.backendRefs ?? []) as any[]) {
          if ((b?.kind ?? 'Service') !== 'Service' || (b?.group ?? '') !== '') continue;
          const ns = b.namespace ?? r.ci.namespace;
          const svc = ctx.inv.find('Service', ns, b.name);
          if (!svc) {
            if (ctx.inv.coverage.namespaces.has(ns)) out.push(finding(this.meta, r, { message: `HTTPRoute ${r.ci.name} sends traffic to Service ${ns}/${b.name}, which does not exist`, evidence: { backendRef: b } }));
          } else if (b.port !== undefined && !(svc.obj.spec?.ports ?? []).some((p: any) => Number(p?.port) === Number(b.port))) {
            out.push(finding(this.meta, r, { message: `HTTPRoute ${r.ci.name} sends traffic to ${b.name}:${b.port}, which is not a port of the Service`, evidence: { backendRef: b }, also: [svc] }));
          }
        }
      }
    }
    return out;
  },
};
