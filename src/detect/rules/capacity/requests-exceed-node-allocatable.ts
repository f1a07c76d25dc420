// requests-exceed-node-allocatable: Pod requests more than any node can offer.
import { finding } from '../../util/finding.js';
import { deployment, goodContainer, yamlDocs } from '../../util/examples.js';
import { formatResource } from '../../util/quantity.js';
import { allocatable, eligibleNodes } from './nodes.js';
import { podAsk } from './pod-resources.js';
import { node, perTpl } from './scheduling-check.js';

export const check = perTpl({
  id: 'requests-exceed-node-allocatable', title: 'Pod requests more than any node can offer', category: 'capacity', severity: 'critical',
  aliases: [], needs: ['kind:Node'],
  docs: { why: 'A pod whose requests exceed every eligible node\'s allocatable stays Pending forever (FailedScheduling: Insufficient cpu/memory).', fix: 'Lower the requests, or add nodes large enough.' },
  examples: {
    fail: yamlDocs(node('n1'), deployment('big', {}, { containers: [goodContainer({ resources: { requests: { cpu: '1', memory: '32Gi' }, limits: { memory: '32Gi' } } })] })),
    pass: yamlDocs(node('n1'), deployment('web')),
  },
}, (tpl, ctx) => {
  const nodes = eligibleNodes(ctx.inv, tpl);
  if (!nodes.length) return undefined; // node-placement-unsatisfiable reports it
  const ask = podAsk(ctx.inv, tpl);
  const over = ['cpu', 'memory'].filter((r) => ask.requests[r] !== undefined && nodes.every((n) => (allocatable(n, r) ?? Infinity) < ask.requests[r]));
  if (!over.length) return undefined;
  const max = Object.fromEntries(over.map((r) => [r, formatResource(r, Math.max(...nodes.map((n) => allocatable(n, r) ?? 0)))]));
  return finding(check.meta, tpl.owner, { message: `pod requests ${over.map((r) => `${r} ${formatResource(r, ask.requests[r])}`).join(', ')}; the largest eligible node offers ${over.map((r) => `${r} ${max[r]}`).join(', ')}`, evidence: { requests: Object.fromEntries(over.map((r) => [r, formatResource(r, ask.requests[r])])), largestAllocatable: max, eligibleNodes: nodes.length } });
});
