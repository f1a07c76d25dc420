// webhook-service-missing: Admission webhook points at a missing Service.
import type { Check } from '../../check.js';
import type { Finding } from '../../../model/finding.js';
import { finding } from '../../util/finding.js';
import { obj, service, yamlDocs } from '../../util/examples.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
const webhook = (svc: string, policy = 'Fail') => obj('admissionregistration.k8s.io/v1', 'ValidatingWebhookConfiguration', 'policy', { webhooks: [{ name: 'v.example.com', failurePolicy: policy, clientConfig: { service: { name: svc, namespace: 'shop', port: 443 } }, rules: [{ operations: ['CREATE'], apiGroups: [''], apiVersions: ['v1'], resources: ['pods'] }], sideEffects: 'None', admissionReviewVersions: ['v1'] }] }, null);

export const check: Check = {
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
