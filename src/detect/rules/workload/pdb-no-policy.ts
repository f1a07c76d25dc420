// pdb-no-policy: PodDisruptionBudget without minAvailable or maxUnavailable.
import { perObject } from '../../util/make.js';
import { obj, yamlDocs } from '../../util/examples.js';

export const check = perObject(
  {
    id: 'pdb-no-policy', title: 'PodDisruptionBudget without minAvailable or maxUnavailable', category: 'workload', severity: 'warning',
    aliases: ['kube-score:poddisruptionbudget-has-policy'], needs: [],
    docs: { why: 'A PDB with neither field set protects nothing (policy/v1 treats it as maxUnavailable 0 for some controllers and as no budget for others).', fix: 'Set `maxUnavailable: 1` or a `minAvailable` below the replica count.' },
    examples: { fail: yamlDocs(obj('policy/v1', 'PodDisruptionBudget', 'web', { spec: { selector: { matchLabels: { app: 'web' } } } })), pass: yamlDocs(obj('policy/v1', 'PodDisruptionBudget', 'web', { spec: { maxUnavailable: 1, selector: { matchLabels: { app: 'web' } } } })) },
  },
  ['PodDisruptionBudget'],
  (item) => (item.obj.spec?.minAvailable === undefined && item.obj.spec?.maxUnavailable === undefined ? { message: 'neither minAvailable nor maxUnavailable is set', evidence: {} } : undefined),
);
