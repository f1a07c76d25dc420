// servicemonitor-selects-nothing: ServiceMonitor selects no Service.
import type { Check } from '../../check.js';
import type { Finding } from '../../../model/finding.js';
import { finding } from '../../util/finding.js';
import { obj, service, yamlDocs } from '../../util/examples.js';
import { selectorMatches, selectorText } from '../../util/labels.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
const SM = 'ServiceMonitor.monitoring.coreos.com';

export const check: Check = {
  meta: {
    id: 'servicemonitor-selects-nothing', title: 'ServiceMonitor selects no Service', category: 'relations', severity: 'warning', aliases: ['kube-linter:dangling-servicemonitor'], needs: ['kind:Service'],
    docs: { why: 'A ServiceMonitor whose selector matches no Service (or whose endpoint port name is not on it) scrapes nothing: dashboards and alerts for the app go silent.', fix: 'Make spec.selector match the Service labels, namespaceSelector cover its namespace, and endpoints[].port name a Service port.' },
    examples: {
      fail: yamlDocs({ ...service('web', { app: 'web' }), metadata: { name: 'web', namespace: 'shop', labels: { app: 'web' } } }, obj('monitoring.coreos.com/v1', 'ServiceMonitor', 'web', { spec: { selector: { matchLabels: { app: 'website' } }, endpoints: [{ port: 'http' }] } })),
      pass: yamlDocs({ ...service('web', { app: 'web' }), metadata: { name: 'web', namespace: 'shop', labels: { app: 'web' } } }, obj('monitoring.coreos.com/v1', 'ServiceMonitor', 'web', { spec: { selector: { matchLabels: { app: 'web' } }, endpoints: [{ port: 'http' }] } })),
    },
  },
  run(ctx) {
    const out: Finding[] = [];
    for (const sm of ctx.inv.byKind(SM)) {
      const spec = sm.obj.spec ?? {};
      const nss: string[] = spec.namespaceSelector?.any ? [...ctx.inv.coverage.namespaces] : spec.namespaceSelector?.matchNames ?? [sm.ci.namespace];
      if (!nss.some((n) => ctx.inv.byKind('Service').some((s) => s.ci.namespace === n))) continue; // no Services of those namespaces in the input
      const svcs = ctx.inv.byKind('Service').filter((s) => nss.includes(s.ci.namespace) && selectorMatches(spec.selector ?? {}, s.ci.labels));
      if (!svcs.length) {
        out.push(finding(this.meta, sm, { message: `ServiceMonitor ${sm.ci.name} selector ${selectorText(spec.selector)} matches no Service in ${nss.join(', ')}`, evidence: { selector: spec.selector ?? null, namespaces: nss } }));
        continue;
      }
      const ports = ((spec.endpoints ?? []) as any[]).map((e) => e?.port).filter((p) => typeof p === 'string');
      const missing = ports.filter((p) => !svcs.some((s) => (s.obj.spec?.ports ?? []).some((sp: any) => sp?.name === p)));
      if (missing.length) out.push(finding(this.meta, sm, { message: `ServiceMonitor ${sm.ci.name} scrapes port ${missing.join(', ')}, which none of ${svcs.map((s) => s.ci.name).join(', ')} names`, evidence: { ports: missing }, also: svcs }));
    }
    return out;
  },
};
