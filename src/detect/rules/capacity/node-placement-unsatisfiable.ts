// node-placement-unsatisfiable: No node satisfies nodeSelector/affinity/taints.
import { finding } from '../../util/finding.js';
import { deployment, yamlDocs } from '../../util/examples.js';
import { eligibleNodes, nodeMatchesPlacement, schedulableNodes, untoleratedTaints } from './nodes.js';
import { node, perTpl } from './scheduling-check.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
export const check = perTpl({
  id: 'node-placement-unsatisfiable', title: 'No node satisfies nodeSelector/affinity/taints', category: 'capacity', severity: 'critical',
  aliases: ['node-taint-untolerated', 'popeye:700'], needs: ['kind:Node'],
  docs: { why: 'If no schedulable node matches the pod\'s nodeSelector and required node affinity while tolerating its taints, the pod stays Pending (FailedScheduling: node(s) didn\'t match Pod\'s node affinity/selector, or had untolerated taint).', fix: 'Fix the nodeSelector/affinity labels, label a node, or add the matching toleration.' },
  examples: {
    fail: yamlDocs(node('n1', { disk: 'hdd' }), node('n2', { disk: 'ssd' }, { spec: { taints: [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }] } }), deployment('db', { nodeSelector: { disk: 'ssd' } })),
    pass: yamlDocs(node('n1', { disk: 'hdd' }), node('n2', { disk: 'ssd' }, { spec: { taints: [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }] } }), deployment('db', { nodeSelector: { disk: 'ssd' }, tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'db', effect: 'NoSchedule' }] })),
  },
}, (tpl, ctx) => {
  if (tpl.owner.obj.kind === 'DaemonSet') return undefined; // DaemonSets target a subset by design
  if (eligibleNodes(ctx.inv, tpl).length) return undefined;
  const nodes = schedulableNodes(ctx.inv);
  const placed = nodes.filter((n) => nodeMatchesPlacement(tpl, n));
  const why = placed.length
    ? `the ${placed.length} node(s) matching its placement have untolerated taints: ${[...new Set(placed.flatMap((n) => untoleratedTaints(tpl, n).map((t: any) => `${t.key}=${t.value ?? ''}:${t.effect}`)))].join(', ')}`
    : `no schedulable node matches nodeSelector ${JSON.stringify(tpl.spec?.nodeSelector ?? {})}${tpl.spec?.affinity?.nodeAffinity ? ' and the required node affinity' : ''}`;
  return finding(check.meta, tpl.owner, { message: `no node can run this pod: ${why}`, evidence: { nodeSelector: tpl.spec?.nodeSelector ?? null, tolerations: tpl.spec?.tolerations ?? [], schedulableNodes: nodes.length, matchingPlacement: placed.map((n) => n.ci.name) } });
});
