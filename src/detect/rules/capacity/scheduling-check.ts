// Static scheduling feasibility against the collected Nodes (needs Nodes: live, or node manifests).
// Shared by the scheduling checks: a per-template check factory that needs schedulable Nodes, and an
// example Node.
import type { Check, CheckMeta } from '../../check.js';
import type { Finding } from '../../../model/finding.js';
import { obj } from '../../util/examples.js';
import { specTemplates } from '../../util/pods.js';
import { schedulableNodes } from './nodes.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
export const node = (name: string, labels: Record<string, string> = {}, extra: Record<string, any> = {}) =>
  obj('v1', 'Node', name, { metadata: { name, labels: { 'kubernetes.io/hostname': name, ...labels } }, status: { allocatable: { cpu: '4', memory: '16Gi', pods: '110' } }, ...extra }, null);

export const perTpl = (meta: CheckMeta, fn: (tpl: ReturnType<typeof specTemplates>[number], ctx: Parameters<Check['run']>[0]) => Finding | undefined): Check => ({
  meta,
  run(ctx) {
    if (!schedulableNodes(ctx.inv).length) {
      ctx.note?.('no schedulable Node in the input');
      return [];
    }
    return specTemplates(ctx.inv).filter((t) => !t.isPod || !t.spec?.nodeName).map((t) => fn(t, ctx)).filter((f): f is Finding => !!f);
  },
});
