// pod-oomkilled: Container was OOMKilled.
import type { CheckMeta } from '../../check.js';
import { yamlDocs } from '../../util/examples.js';
import { allContainerStatuses, podStatusCheck, podYaml, type PodProblem } from './shared.js';
import { running } from './container-state.js';

const oomMeta: CheckMeta = {
  id: 'pod-oomkilled', title: 'Container was OOMKilled', category: 'runtime', severity: 'critical',
  aliases: ['pod-oom-or-error-exit', 'k8sgpt:Pod'], needs: ['live'],
  docs: { why: 'The container hit its memory limit and the kernel killed it (exit 137). Repeated OOM kills mean the limit is below the real need (or the app leaks / its heap/cache is sized above the limit).', fix: 'Raise the memory limit, or size the process memory (JVM -Xmx / MaxRAMPercentage, DB buffers) below ~75-80% of the limit.' },
  examples: {
    fail: yamlDocs(podYaml('db-0', { phase: 'Running', containerStatuses: [{ name: 'app', ready: true, restartCount: 3, state: { running: {} }, lastState: { terminated: { reason: 'OOMKilled', exitCode: 137, finishedAt: '2026-11-22T06:00:00Z' } } }] })),
    pass: yamlDocs(podYaml('web-1', running)),
  },
};

export const check = podStatusCheck(oomMeta, (pod) => {
  const out: PodProblem[] = [];
  for (const cs of allContainerStatuses(pod)) {
    const t = cs?.state?.terminated?.reason === 'OOMKilled' ? cs.state.terminated : cs?.lastState?.terminated?.reason === 'OOMKilled' ? cs.lastState.terminated : undefined;
    if (!t) continue;
    const limit = (pod.obj.spec?.containers ?? []).find((c: { name?: string }) => c?.name === cs.name)?.resources?.limits?.memory;
    out.push({ key: cs.name, message: `container ${cs.name} was OOMKilled (restarts: ${cs.restartCount ?? 0}, memory limit ${limit ?? 'none'})`, evidence: { container: cs.name, exitCode: t.exitCode, finishedAt: t.finishedAt, restartCount: cs.restartCount, memoryLimit: limit ?? null } });
  }
  return out;
});
