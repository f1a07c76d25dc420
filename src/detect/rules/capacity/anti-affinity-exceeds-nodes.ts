// anti-affinity-exceeds-nodes: Required anti-affinity needs more nodes/zones than exist.
import { finding } from '../../util/finding.js';
import { deployment, yamlDocs } from '../../util/examples.js';
import { eligibleNodes } from './nodes.js';
import { podCount } from './pod-resources.js';
import { node, perTpl } from './scheduling-check.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
export const check = perTpl({
  id: 'anti-affinity-exceeds-nodes', title: 'Required anti-affinity needs more nodes/zones than exist', category: 'capacity', severity: 'critical',
  aliases: [], needs: ['kind:Node'],
  docs: { why: 'With required pod anti-affinity on a topology key, at most one replica fits per topology domain; replicas beyond the number of eligible nodes/zones stay Pending.', fix: 'Use preferred anti-affinity, lower the replicas, or add nodes/zones.' },
  examples: {
    fail: yamlDocs(node('n1'), node('n2'), deployment('web', { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { app: 'web' } } }] } } }, { replicas: 3 })),
    pass: yamlDocs(node('n1'), node('n2'), node('n3'), deployment('web', { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { app: 'web' } } }] } } }, { replicas: 3 })),
  },
}, (tpl, ctx) => {
  const n = podCount(tpl);
  for (const term of (tpl.spec?.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []) as any[]) {
    const key = term?.topologyKey;
    if (!key) continue;
    const domains = new Set(eligibleNodes(ctx.inv, tpl).map((x) => x.ci.labels[key]).filter((v) => v !== undefined));
    if (n > domains.size) return finding(check.meta, tpl.owner, { message: `${n} replicas with required anti-affinity on ${key}, but only ${domains.size} eligible ${key} domain(s): ${n - domains.size} replica(s) stay Pending`, evidence: { replicas: n, topologyKey: key, domains: [...domains] } });
  }
  return undefined;
});
