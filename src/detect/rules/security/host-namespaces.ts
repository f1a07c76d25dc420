// host-network, host-pid, host-ipc: one pod-level switch each.
import type { Check, CheckMeta } from '../../check.js';
import { perTemplate } from '../../util/make.js';
import { deployment, yamlDocs } from '../../util/examples.js';

export function hostCheck(field: 'hostNetwork' | 'hostPID' | 'hostIPC', id: string, why: string, aliases: string[]): Check {
  const meta: CheckMeta = {
    id,
    title: `Pod uses ${field}`,
    category: 'security',
    severity: 'critical',
    aliases,
    needs: [],
    docs: { why, fix: `Remove \`${field}: true\` from the pod spec unless this is a node agent; exempt node agents with the hypercas.io/ignore annotation.` },
    examples: { fail: yamlDocs(deployment('web', { [field]: true })), pass: yamlDocs(deployment('web')) },
  };
  return perTemplate(meta, (tpl) => (tpl.spec?.[field] === true ? { message: `${field} is enabled`, evidence: { [field]: true } } : undefined));
}
