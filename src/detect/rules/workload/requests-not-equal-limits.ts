// kube-score's optional container-resource-requests-equal-limits: advice towards Guaranteed QoS.
// Info, not critical: Burstable is a legitimate choice for most workloads; this is for teams that
// want their pods last in line for eviction and free of CPU-throttling surprises.
import type { CheckMeta } from '../../check.js';
import { perContainer } from '../../util/make.js';
import { containerPatch } from '../../util/patch.js';
import { effectiveResources } from '../../util/resources.js';
import { formatResource } from '../../util/quantity.js';
import { deployment, goodContainer, yamlDocs } from '../../util/examples.js';

const RESOURCES = ['cpu', 'memory'] as const;

const meta: CheckMeta = {
  id: 'requests-not-equal-limits',
  title: 'Requests differ from limits (not Guaranteed QoS)',
  category: 'workload',
  severity: 'info',
  aliases: ['kube-score:container-resource-requests-equal-limits', 'kube-score:container-cpu-requests-equal-limits', 'kube-score:container-memory-requests-equal-limits'],
  needs: [],
  docs: {
    why: 'A pod is Guaranteed QoS only when every container\'s CPU and memory requests equal its limits. Burstable pods are evicted before Guaranteed ones under node memory pressure, and memory used above the request is what the OOM killer goes after first. Optional advice (kube-score makes it opt-in): containers without a request or limit are reported by the *-request-missing / *-limit-missing checks, not here.',
    fix: 'Set resources.requests equal to resources.limits for cpu and memory (raise the requests to the limits, or lower the limits to what the app really needs).',
  },
  examples: {
    fail: yamlDocs(deployment('web')),
    pass: yamlDocs(deployment('web', {}, { containers: [goodContainer({ resources: { requests: { cpu: '500m', memory: '128Mi' }, limits: { cpu: '500m', memory: '128Mi' } } })] })),
  },
};

export const check = perContainer(meta, ({ tpl, c, list }, ctx) => {
  const eff = effectiveResources(ctx.inv, tpl.owner.ci.namespace, c);
  const diff = RESOURCES.filter((r) => eff.requests[r] !== undefined && eff.limits[r] !== undefined && eff.requests[r] !== eff.limits[r]);
  if (!diff.length) return undefined;
  const text = diff.map((r) => `${r} request ${formatResource(r, eff.requests[r])} ≠ limit ${formatResource(r, eff.limits[r])}`).join(', ');
  const evidence: Record<string, unknown> = {};
  for (const r of diff) {
    evidence[`resources.requests.${r}`] = c.resources?.requests?.[r] ?? `${formatResource(r, eff.requests[r])} (default)`;
    evidence[`resources.limits.${r}`] = c.resources?.limits?.[r] ?? `${formatResource(r, eff.limits[r])} (LimitRange ${eff.defaulted[`limits.${r}`] ?? 'default'})`;
  }
  // Raising requests to the limits keeps the app's headroom; lowering limits could OOM it.
  const requests = Object.fromEntries(diff.map((r) => [r, c.resources?.limits?.[r] ?? formatResource(r, eff.limits[r])]));
  return { message: `container ${c.name}: ${text} (pod is not Guaranteed QoS)`, evidence, patch: containerPatch(tpl, list, c.name, { resources: { requests } }) };
}, { init: false });
