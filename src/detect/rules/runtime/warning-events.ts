// Warning Events grouped by reason: one finding per reason with counts and examples.
import type { Check, CheckMeta } from '../../check.js';
import type { Finding } from '../../../model/finding.js';
import type { InventoryItem } from '../../../cmdb/inventory.js';
import { finding } from '../../util/finding.js';
import { obj, yamlDocs } from '../../util/examples.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
const ev = (name: string, type: string, reason: string, message: string) => obj('v1', 'Event', name, { type, reason, message, count: 3, involvedObject: { kind: 'Pod', name: 'web-1', namespace: 'shop' }, lastTimestamp: '2026-11-22T06:00:00Z' });

const CRITICAL_REASONS = new Set(['FailedCreate', 'FailedMount', 'FailedAttachVolume', 'FailedCreatePodSandBox', 'Evicted', 'OOMKilling', 'NodeNotReady', 'AllocationFailed', 'FailedScheduling']);

const meta: CheckMeta = {
  id: 'warning-events', title: 'Warning events', category: 'runtime', severity: 'warning',
  aliases: ['pod-event-errors', 'k8sgpt:Events'], needs: ['live', 'kind:Event'],
  docs: { why: 'Warning events are how controllers report problems that leave no trace in object status: quota rejections (FailedCreate … exceeded quota), mount failures, sandbox/CNI errors, evictions, LoadBalancer IP allocation failures.', fix: 'Read the grouped messages; each reason maps to a cause (see `hypercas rules explain` of the related checks).' },
  examples: {
    fail: yamlDocs(ev('e1', 'Warning', 'FailedMount', 'MountVolume.SetUp failed for volume "cfg" : configmap "web-config" not found')),
    pass: yamlDocs(ev('e1', 'Normal', 'Pulled', 'Successfully pulled image')),
  },
};

export const check: Check = {
  meta,
  run(ctx) {
    const groups = new Map<string, { ns: string; reason: string; count: number; items: InventoryItem[]; objects: Set<string>; messages: Set<string> }>();
    for (const e of ctx.inv.byKind('Event')) {
      const o = e.obj as any;
      if (o.type !== 'Warning') continue;
      const reason = String(o.reason ?? 'Unknown');
      const ns = e.ci.namespace;
      const k = `${ns}|${reason}`;
      const g = groups.get(k) ?? { ns, reason, count: 0, items: [], objects: new Set<string>(), messages: new Set<string>() };
      g.count += Number(o.count ?? o.series?.count ?? 1);
      g.items.push(e);
      const io = o.involvedObject ?? o.regarding ?? {};
      g.objects.add(`${io.kind ?? '?'}/${io.name ?? '?'}`);
      if (g.messages.size < 5) g.messages.add(String(o.message ?? o.note ?? '').slice(0, 300));
      groups.set(k, g);
    }
    const out: Finding[] = [];
    for (const g of groups.values()) {
      out.push(finding(meta, g.items[0], {
        severity: CRITICAL_REASONS.has(g.reason) ? 'critical' : 'warning',
        message: `${g.count} ${g.reason} warning event(s) in ${g.ns || 'the cluster'} on ${g.objects.size} object(s): ${[...g.messages][0] ?? ''}`,
        evidence: { reason: g.reason, count: g.count, objects: [...g.objects].slice(0, 20), messages: [...g.messages] },
        also: g.items.slice(1, 3),
      }));
    }
    return out;
  },
};
