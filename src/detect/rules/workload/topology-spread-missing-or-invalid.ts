// topology-spread-missing-or-invalid: Invalid topologySpreadConstraints.
import { perTemplate } from '../../util/make.js';
import type { FindingInput } from '../../util/finding.js';
import { deployment, yamlDocs } from '../../util/examples.js';

export const check = perTemplate(
  {
    id: 'topology-spread-missing-or-invalid', title: 'Invalid topologySpreadConstraints', category: 'workload', severity: 'critical',
    aliases: ['kube-score:pod-topology-spread-constraints', 'polaris:topologySpreadConstraint'], needs: [],
    docs: { why: 'A constraint with maxSkew < 1, no topologyKey or an unknown whenUnsatisfiable is rejected by the API server; one without a labelSelector spreads nothing.', fix: 'Give every constraint maxSkew ≥ 1, a topologyKey, whenUnsatisfiable DoNotSchedule|ScheduleAnyway and a labelSelector matching the pod labels.' },
    examples: {
      fail: yamlDocs(deployment('web', { topologySpreadConstraints: [{ maxSkew: 0, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'Sometimes' }] })),
      pass: yamlDocs(deployment('web', { topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: { app: 'web' } } }] })),
    },
  },
  (tpl) => {
    const out: FindingInput[] = [];
    for (const [i, c] of (Array.isArray(tpl.spec?.topologySpreadConstraints) ? tpl.spec.topologySpreadConstraints : []).entries()) {
      const bad: string[] = [];
      if (!(Number(c?.maxSkew) >= 1)) bad.push(`maxSkew ${c?.maxSkew}`);
      if (!c?.topologyKey) bad.push('no topologyKey');
      if (!['DoNotSchedule', 'ScheduleAnyway'].includes(c?.whenUnsatisfiable)) bad.push(`whenUnsatisfiable ${c?.whenUnsatisfiable}`);
      if (!c?.labelSelector) bad.push('no labelSelector');
      if (bad.length) out.push({ severity: bad.length === 1 && bad[0] === 'no labelSelector' ? 'warning' : 'critical', message: `topologySpreadConstraints[${i}]: ${bad.join(', ')}`, evidence: { constraint: c } });
    }
    return out;
  },
);
