// Static scheduling feasibility against the collected Nodes (needs Nodes: live, or node manifests).
import type { Check, CheckMeta } from '../../check.js';
import type { Finding } from '../../../model/finding.js';
import { finding } from '../../util/finding.js';
import { deployment, goodContainer, obj, yamlDocs } from '../../util/examples.js';
import { specTemplates } from '../../util/pods.js';
import { formatResource } from '../../util/quantity.js';
import { allocatable, eligibleNodes, nodeMatchesPlacement, schedulableNodes, untoleratedTaints } from './nodes.js';
import { podAsk, podCount } from './pod-resources.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
const node = (name: string, labels: Record<string, string> = {}, extra: Record<string, any> = {}) =>
  obj('v1', 'Node', name, { metadata: { name, labels: { 'kubernetes.io/hostname': name, ...labels } }, status: { allocatable: { cpu: '4', memory: '16Gi', pods: '110' } }, ...extra }, null);

const perTpl = (meta: CheckMeta, fn: (tpl: ReturnType<typeof specTemplates>[number], ctx: Parameters<Check['run']>[0]) => Finding | undefined): Check => ({
  meta,
  run(ctx) {
    if (!schedulableNodes(ctx.inv).length) {
      ctx.note?.('no schedulable Node in the input');
      return [];
    }
    return specTemplates(ctx.inv).filter((t) => !t.isPod || !t.spec?.nodeName).map((t) => fn(t, ctx)).filter((f): f is Finding => !!f);
  },
});

export const requestsExceedNode = perTpl({
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
  return finding(requestsExceedNode.meta, tpl.owner, { message: `pod requests ${over.map((r) => `${r} ${formatResource(r, ask.requests[r])}`).join(', ')}; the largest eligible node offers ${over.map((r) => `${r} ${max[r]}`).join(', ')}`, evidence: { requests: Object.fromEntries(over.map((r) => [r, formatResource(r, ask.requests[r])])), largestAllocatable: max, eligibleNodes: nodes.length } });
});

export const placementUnsatisfiable = perTpl({
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
  return finding(placementUnsatisfiable.meta, tpl.owner, { message: `no node can run this pod: ${why}`, evidence: { nodeSelector: tpl.spec?.nodeSelector ?? null, tolerations: tpl.spec?.tolerations ?? [], schedulableNodes: nodes.length, matchingPlacement: placed.map((n) => n.ci.name) } });
});

export const antiAffinityVsNodes = perTpl({
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
    if (n > domains.size) return finding(antiAffinityVsNodes.meta, tpl.owner, { message: `${n} replicas with required anti-affinity on ${key}, but only ${domains.size} eligible ${key} domain(s): ${n - domains.size} replica(s) stay Pending`, evidence: { replicas: n, topologyKey: key, domains: [...domains] } });
  }
  return undefined;
});

export const topologySpreadImpossible = perTpl({
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
    if (!nodes.some((n) => n.ci.labels[c.topologyKey] !== undefined)) return finding(topologySpreadImpossible.meta, tpl.owner, { message: `DoNotSchedule spread on ${c.topologyKey}, which none of the ${nodes.length} eligible node(s) carries`, evidence: { topologyKey: c.topologyKey } });
  }
  return undefined;
});
