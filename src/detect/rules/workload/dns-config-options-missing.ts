// kube-linter's dnsconfig-options (off by default there): registered here as info advice.
// Pods on the cluster DNS inherit `ndots:5`, so every lookup of an external name first walks the
// namespace/svc/cluster search domains: 4-5 wasted queries to CoreDNS per resolution.
import type { CheckMeta } from '../../check.js';
import { perTemplate } from '../../util/make.js';
import { podSpecPatch } from '../../util/patch.js';
import { deployment, yamlDocs } from '../../util/examples.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
const meta: CheckMeta = {
  id: 'dns-config-options-missing',
  title: 'No dnsConfig options (ndots) on the pod',
  category: 'workload',
  severity: 'info',
  aliases: ['kube-linter:dnsconfig-options'],
  needs: [],
  docs: {
    why: 'Without dnsConfig options a pod on the cluster DNS gets `ndots:5`: a name with fewer than five dots (api.example.com) is first tried against every search domain, multiplying CoreDNS load and adding latency to each external call. Advice, off by default in kube-linter. Options: `key` (default ndots) and `value` (any value when unset). Pods with dnsPolicy Default/None or on the host network without ClusterFirstWithHostNet do not use the cluster search path and are left out.',
    fix: 'Add `dnsConfig: { options: [{ name: ndots, value: "2" }] }` to the pod spec (or use fully qualified names ending in a dot).',
  },
  examples: {
    fail: yamlDocs(deployment('web')),
    pass: yamlDocs(deployment('web', { dnsConfig: { options: [{ name: 'ndots', value: '2' }] } })),
  },
};

export const check = perTemplate(meta, (tpl, ctx) => {
  const spec = tpl.spec ?? {};
  const policy = spec.dnsPolicy ?? 'ClusterFirst';
  if (policy === 'Default' || policy === 'None') return undefined;
  if (spec.hostNetwork === true && policy !== 'ClusterFirstWithHostNet') return undefined;
  const key = typeof ctx.options.key === 'string' && ctx.options.key ? ctx.options.key : 'ndots';
  const want = ctx.options.value === undefined ? undefined : String(ctx.options.value);
  const opts = (Array.isArray(spec.dnsConfig?.options) ? spec.dnsConfig.options : []) as any[];
  const found = opts.find((o) => o?.name === key);
  if (found && (want === undefined || String(found.value ?? '') === want)) return undefined;
  const message = found ? `dnsConfig option ${key} is ${found.value ?? '(no value)'}, expected ${want}` : `no dnsConfig option ${key}: the pod inherits the cluster default${key === 'ndots' ? ' ndots:5' : ''}`;
  const value = want ?? (key === 'ndots' ? '2' : undefined);
  return {
    message,
    evidence: { dnsPolicy: policy, 'dnsConfig.options': opts.length ? opts : null },
    patch: value !== undefined && !found ? podSpecPatch(tpl, { dnsConfig: { options: [...opts, { name: key, value }] } }) : undefined,
  };
});
