// pod-restarting: Container restarts often.
import type { CheckMeta } from '../../check.js';
import { yamlDocs } from '../../util/examples.js';
import { allContainerStatuses, podStatusCheck, podYaml } from './shared.js';
import { running } from './container-state.js';

const restartMeta: CheckMeta = {
  id: 'pod-restarting', title: 'Container restarts often', category: 'runtime', severity: 'warning',
  aliases: ['popeye:205'], needs: ['live'],
  docs: { why: 'Many restarts mean the container keeps failing (crashes, liveness probe kills, OOM) even if it is up right now. Threshold: option `threshold` (default 5).', fix: 'Look at `kubectl describe pod` events and `kubectl logs --previous` for the reason of the restarts.' },
  examples: { fail: yamlDocs(podYaml('web-1', { phase: 'Running', containerStatuses: [{ name: 'app', ready: true, restartCount: 12, state: { running: {} } }] })), pass: yamlDocs(podYaml('web-1', running)) },
};

export const check = podStatusCheck(restartMeta, (pod, ctx) => {
  const th = Number(ctx.options.threshold ?? 5);
  return allContainerStatuses(pod)
    .filter((cs) => Number(cs?.restartCount ?? 0) >= th && !cs?.state?.waiting)
    .map((cs) => ({ key: cs.name, message: `container ${cs.name} restarted ${cs.restartCount} times${cs.lastState?.terminated ? ` (last: ${cs.lastState.terminated.reason ?? ''} exit ${cs.lastState.terminated.exitCode})` : ''}`, evidence: { container: cs.name, restartCount: cs.restartCount, lastTermination: cs.lastState?.terminated ?? null } }));
});
