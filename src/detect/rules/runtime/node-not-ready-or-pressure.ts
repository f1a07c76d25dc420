import type { CheckMeta } from '../../check.js';
import { perObject } from '../../util/make.js';
import type { FindingInput } from '../../util/finding.js';
import { obj, yamlDocs } from '../../util/examples.js';

const node = (conds: Array<Record<string, string>>) => obj('v1', 'Node', 'n1', { status: { conditions: conds } }, null);

const meta: CheckMeta = {
  id: 'node-not-ready-or-pressure', title: 'Node NotReady or under pressure', category: 'runtime', severity: 'critical',
  aliases: ['popeye:701', 'k8sgpt:Node'], needs: ['live'],
  docs: { why: 'A NotReady node runs nothing new and its pods are evicted after the toleration timeout; Memory/Disk/PID pressure makes the kubelet evict pods.', fix: 'Check the kubelet and container runtime on the node (`journalctl -u kubelet`), free disk/memory, or drain and replace the node.' },
  examples: {
    fail: yamlDocs(node([{ type: 'Ready', status: 'False', reason: 'KubeletNotReady', message: 'PLEG is not healthy' }, { type: 'DiskPressure', status: 'True' }])),
    pass: yamlDocs(node([{ type: 'Ready', status: 'True' }, { type: 'MemoryPressure', status: 'False' }])),
  },
};

export const check = perObject(meta, ['Node'], (n) => {
  const out: FindingInput[] = [];
  for (const c of (n.obj.status?.conditions ?? []) as Array<Record<string, string>>) {
    if (c.type === 'Ready' && c.status !== 'True') out.push({ message: `node ${n.ci.name} is NotReady (${c.status}): ${c.reason ?? ''} ${c.message ?? ''}`.trim(), evidence: { condition: c } });
    else if (['MemoryPressure', 'DiskPressure', 'PIDPressure'].includes(c.type) && c.status === 'True') out.push({ severity: 'warning', message: `node ${n.ci.name} has ${c.type}`, evidence: { condition: c } });
    else if (c.type === 'NetworkUnavailable' && c.status === 'True') out.push({ message: `node ${n.ci.name} network unavailable: ${c.reason ?? ''}`, evidence: { condition: c } });
  }
  if (n.obj.spec?.unschedulable === true) out.push({ severity: 'info', message: `node ${n.ci.name} is cordoned (unschedulable)`, evidence: { unschedulable: true } });
  return out;
});
