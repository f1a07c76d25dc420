// More references between objects: admission webhooks → Service, Ingress → IngressClass,
// ServiceMonitor → Services, Gateway API HTTPRoute → Service.
import type { Check, CheckMeta } from '../../check.js';
import type { Finding } from '../../../model/finding.js';
import { perObject } from '../../util/make.js';
import { finding } from '../../util/finding.js';
import { obj, service, yamlDocs } from '../../util/examples.js';
import { selectorMatches, selectorText } from '../../util/labels.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
const webhook = (svc: string, policy = 'Fail') => obj('admissionregistration.k8s.io/v1', 'ValidatingWebhookConfiguration', 'policy', { webhooks: [{ name: 'v.example.com', failurePolicy: policy, clientConfig: { service: { name: svc, namespace: 'shop', port: 443 } }, rules: [{ operations: ['CREATE'], apiGroups: [''], apiVersions: ['v1'], resources: ['pods'] }], sideEffects: 'None', admissionReviewVersions: ['v1'] }] }, null);

export const webhookServiceMissing: Check = {
  meta: {
    id: 'webhook-service-missing', title: 'Admission webhook points at a missing Service', category: 'relations', severity: 'critical', aliases: ['webhook-backend-unavailable', 'k8sgpt:ValidatingWebhook', 'k8sgpt:MutatingWebhook'], needs: ['kind:Service'],
    docs: { why: 'With failurePolicy Fail, every API request the webhook matches is rejected while its Service is missing; with Ignore, the policy silently stops being enforced.', fix: 'Restore the webhook Service (and its pods), fix clientConfig.service, or delete the webhook configuration.' },
    examples: { fail: yamlDocs(service('other', { app: 'x' }), webhook('policy-webhook')), pass: yamlDocs(service('policy-webhook', { app: 'x' }), webhook('policy-webhook')) },
  },
  run(ctx) {
    const out: Finding[] = [];
    for (const k of ['ValidatingWebhookConfiguration', 'MutatingWebhookConfiguration']) {
      for (const w of ctx.inv.byKind(k)) {
        for (const h of ((w.obj as any).webhooks ?? []) as any[]) {
          const s = h?.clientConfig?.service;
          if (!s?.name || !s.namespace) continue;
          if (!ctx.inv.coverage.namespaces.has(s.namespace) && !ctx.inv.coverage.live) continue; // namespace not in the input
          if (ctx.inv.find('Service', s.namespace, s.name)) continue;
          const fail = (h.failurePolicy ?? 'Fail') === 'Fail';
          out.push(finding(this.meta, w, { severity: fail ? 'critical' : 'warning', message: `webhook ${h.name} calls Service ${s.namespace}/${s.name}, which does not exist (failurePolicy ${h.failurePolicy ?? 'Fail'}: ${fail ? 'matching API requests are rejected' : 'the policy is not enforced'})`, evidence: { webhook: h.name, service: `${s.namespace}/${s.name}`, failurePolicy: h.failurePolicy ?? 'Fail' } }));
        }
      }
    }
    return out;
  },
};

export const ingressClassMissing = perObject({
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

const SM = 'ServiceMonitor.monitoring.coreos.com';
export const serviceMonitorSelectsNothing: Check = {
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

const ROUTE = 'HTTPRoute.gateway.networking.k8s.io';
export const httpRouteBackendMissing: Check = {
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
