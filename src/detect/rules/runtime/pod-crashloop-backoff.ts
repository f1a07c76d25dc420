// pod-crashloop-backoff: Container in CrashLoopBackOff.
import { yamlDocs } from '../../util/examples.js';
import { podYaml } from './shared.js';
import { waiting, running, waitingCheck } from './container-state.js';

export const check = waitingCheck({
  id: 'pod-crashloop-backoff', title: 'Container in CrashLoopBackOff', category: 'runtime', severity: 'critical',
  aliases: ['popeye:203', 'k8sgpt:Pod'], needs: ['live'],
  docs: { why: 'The container keeps exiting and the kubelet is backing off restarts: the workload is down or degraded.', fix: 'Read `kubectl logs --previous` and the last exit code/reason; common causes are bad config, a missing dependency, or OOM.' },
  examples: { fail: yamlDocs(podYaml('web-1', waiting('CrashLoopBackOff', 'back-off 5m0s restarting failed container'))), pass: yamlDocs(podYaml('web-1', running)) },
}, new Set(['CrashLoopBackOff', 'RunContainerError']), (_r, c) => `kubectl logs --previous <pod> -c ${c}; fix the cause of the exit (see lastState.terminated).`);
