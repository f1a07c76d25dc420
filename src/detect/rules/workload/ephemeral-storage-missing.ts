// ephemeral-storage-missing: No ephemeral-storage request/limit.
import type { CheckMeta } from '../../check.js';
import { perContainer } from '../../util/make.js';
import { deployment, goodContainer, yamlDocs } from '../../util/examples.js';

export const check = perContainer({
  id: 'ephemeral-storage-missing', title: 'No ephemeral-storage request/limit', category: 'workload', severity: 'info', aliases: ['kube-score:container-ephemeral-storage-request-and-limit'], needs: [],
  docs: { why: 'Logs, emptyDirs and the writable layer count as ephemeral storage; without a limit one container can fill the node disk and get every pod on it evicted.', fix: 'Set `resources.requests/limits.ephemeral-storage`.' },
  examples: { fail: yamlDocs(deployment('web')), pass: yamlDocs(deployment('web', {}, { containers: [goodContainer({ resources: { requests: { cpu: '100m', memory: '128Mi', 'ephemeral-storage': '1Gi' }, limits: { memory: '128Mi', 'ephemeral-storage': '2Gi' } } })] })) },
} satisfies CheckMeta, ({ c }) => (c.resources?.limits?.['ephemeral-storage'] === undefined ? { message: `container ${c.name} has no ephemeral-storage limit`, evidence: { 'resources.limits.ephemeral-storage': null } } : undefined));
