import type { CheckMeta } from '../../check.js';
import { perContainer } from '../../util/make.js';
import { deployment, goodContainer, yamlDocs } from '../../util/examples.js';
import { canonicalJson } from '../../../cmdb/canonical.js';

const meta: CheckMeta = {
  id: 'probes-identical',
  title: 'Readiness and liveness probes are identical',
  category: 'workload',
  severity: 'warning',
  aliases: ['kube-score:pod-probes-identical'],
  needs: [],
  docs: {
    why: 'When readiness and liveness probe the same thing, a slow dependency or load spike makes the kubelet restart pods instead of just taking them out of rotation: an overload becomes an outage.',
    fix: 'Make the liveness probe cheaper and more tolerant (own process only, higher failureThreshold) than the readiness probe.',
  },
  examples: {
    fail: yamlDocs(deployment('web', {}, { containers: [goodContainer({ livenessProbe: { httpGet: { path: '/ready', port: 'http' } } })] })),
    pass: yamlDocs(deployment('web')),
  },
};

export const check = perContainer(meta, ({ c }) =>
  c.readinessProbe && c.livenessProbe && canonicalJson(c.readinessProbe) === canonicalJson(c.livenessProbe)
    ? { message: `container ${c.name} has identical readiness and liveness probes`, evidence: { probe: c.livenessProbe } }
    : undefined,
);
