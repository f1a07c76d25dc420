import type { CheckMeta } from '../../check.js';
import { perContainer } from '../../util/make.js';
import { deployment, goodContainer, yamlDocs } from '../../util/examples.js';
import { isBatch } from '../../util/pods.js';

const meta: CheckMeta = {
  id: 'liveness-probe-missing',
  title: 'Container without liveness probe',
  category: 'workload',
  severity: 'info',
  aliases: ['polaris:livenessProbeMissing', 'kube-score:pod-probes', 'kube-linter:no-liveness-probe'],
  needs: [],
  docs: {
    why: 'Without a liveness probe a hung process (deadlock, stuck event loop) keeps its pod Running forever. kube-score treats this as a minor issue, so do we: a wrong liveness probe is worse than none.',
    fix: 'Add a `livenessProbe` that checks the process itself (not its dependencies), with a generous failureThreshold.',
  },
  examples: {
    fail: yamlDocs(deployment('web', {}, { containers: [goodContainer({ livenessProbe: undefined })] })),
    pass: yamlDocs(deployment('web'), { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'once', namespace: 'shop' }, spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'x', image: 'busybox:1.36' }] } } } }),
  },
};

export const check = perContainer(meta, ({ c, tpl }) => (isBatch(tpl) || c.livenessProbe ? undefined : { message: `container ${c.name} has no livenessProbe`, evidence: { livenessProbe: null } }));
