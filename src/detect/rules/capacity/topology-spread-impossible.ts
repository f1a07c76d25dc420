// topology-spread-impossible: Topology spread constraint cannot be met.
import { finding } from '../../util/finding.js';
import { deployment, yamlDocs } from '../../util/examples.js';
import { eligibleNodes } from './nodes.js';
import { node, perTpl } from './scheduling-check.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
export const check = perTpl({
  id: 'topology-spread-impossible', title: 'Topology spread constraint cannot be met', category: 'capacity', severity: 'critical',
  aliases: [], needs: ['kind:Node'],
  docs: { why: 'A DoNotSchedule spread constraint on a topology key that no eligible node carries makes every pod unschedulable.', fix: 'Label the nodes with the topology key, use ScheduleAnyway, or fix the key.' },
  examples: {
    fail: yamlDocs(node('n1'), deployment('web', { topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'web' } } }] })),
    pass: yamlDocs(node('n1', { 'topology.kubernetes.io/zone': 'a' }), deployment('web', { topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'web' } } }] })),
  },
}, (tpl, ctx) => {
  const nodes = eligibleNodes(ctx.inv, tpl);
  if (!nodes.length) return undefined;
  for (const c of (tpl.spec?.topologySpreadConstraints ?? []) as any[]) {
    if (c?.whenUnsatisfiable !== 'DoNotSchedule' || !c.topologyKey) continue;
    if (!nodes.some((n) => n.ci.labels[c.topologyKey] !== undefined)) return finding(check.meta, tpl.owner, { message: `DoNotSchedule spread on ${c.topologyKey}, which none of the ${nodes.length} eligible node(s) carries`, evidence: { topologyKey: c.topologyKey } });
  }
  return undefined;
});
