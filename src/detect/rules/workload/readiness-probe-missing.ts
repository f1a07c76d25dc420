import type { CheckMeta } from '../../check.js';
import { perContainer } from '../../util/make.js';
import { deployment, goodContainer, service, yamlDocs } from '../../util/examples.js';
import { isBatch } from '../../util/pods.js';
import { servicesSelecting } from '../../util/refs.js';

// Like kube-score: only pods behind a Service need readiness (it decides whether they get traffic).
const meta: CheckMeta = {
  id: 'readiness-probe-missing',
  title: 'Pod behind a Service without readiness probe',
  category: 'workload',
  severity: 'warning',
  aliases: ['polaris:readinessProbeMissing', 'kube-score:pod-probes', 'kube-linter:no-readiness-probe'],
  needs: [],
  docs: {
    why: 'A Service sends traffic to a pod as soon as it is Running unless a readiness probe says otherwise: during start-up and rollouts clients get connection refused or 502s.',
    fix: 'Add a `readinessProbe` on the serving port that succeeds only when the container can serve requests.',
  },
  examples: {
    fail: yamlDocs(deployment('web', {}, { containers: [goodContainer({ readinessProbe: undefined })] }), service('web', { app: 'web' })),
    pass: yamlDocs(deployment('web'), service('web', { app: 'web' }), deployment('worker', {}, { containers: [goodContainer({ readinessProbe: undefined })] })),
  },
};

export const check = perContainer(meta, ({ c, tpl }, ctx) => {
  if (isBatch(tpl) || c.readinessProbe) return undefined;
  const svcs = servicesSelecting(ctx.inv, tpl);
  if (!svcs.length) return undefined;
  return { message: `container ${c.name} has no readinessProbe but Service ${svcs.map((s) => s.ci.name).join(', ')} sends it traffic`, evidence: { readinessProbe: null, services: svcs.map((s) => s.ci.name) }, also: svcs };
});
