import type { CheckMeta } from '../../check.js';
import { yamlDocs } from '../../util/examples.js';
import { podStatusCheck, podYaml } from './shared.js';
import { eventsByObject } from '../../util/refs.js';

const meta: CheckMeta = {
  id: 'pod-unschedulable', title: 'Pod cannot be scheduled', category: 'runtime', severity: 'critical',
  aliases: ['popeye:202', 'k8sgpt:Pod'], needs: ['live'],
  docs: { why: 'A Pending pod with PodScheduled=False/Unschedulable never starts. The scheduler\'s FailedScheduling reason says why: insufficient cpu/memory, node affinity/selector, untolerated taints, unbound PVC, too many pods.', fix: 'Act on the FailedScheduling reason: lower requests or add capacity, fix nodeSelector/affinity, add tolerations, or bind the PVC.' },
  examples: {
    fail: yamlDocs(podYaml('web-1', { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: '0/3 nodes are available: 3 Insufficient memory.' }] })),
    pass: yamlDocs(podYaml('web-1', { phase: 'Running', conditions: [{ type: 'PodScheduled', status: 'True' }] })),
  },
};

export const check = podStatusCheck(meta, (pod, ctx) => {
  if (pod.obj.status?.phase !== 'Pending') return [];
  const cond = (pod.obj.status?.conditions ?? []).find((c: { type?: string }) => c?.type === 'PodScheduled');
  if (!cond || cond.status !== 'False') return [];
  // The latest FailedScheduling event for this pod, when events were collected.
  const ev = (eventsByObject(ctx.inv).get(`${pod.ci.namespace}/Pod/${pod.ci.name}`) ?? []).filter((e) => (e.obj as { reason?: string }).reason === 'FailedScheduling').pop();
  const msg = String((ev?.obj as Record<string, unknown> | undefined)?.message ?? cond.message ?? cond.reason ?? 'Unschedulable');
  const key = msg.replace(/\d+\/\d+ nodes/g, 'N nodes').replace(/\s+/g, ' ').slice(0, 200);
  return [{ key, message: `Pending, not schedulable: ${msg}`, evidence: { reason: cond.reason, message: msg } }];
});
