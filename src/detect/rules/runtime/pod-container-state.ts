// Container states that need a human: CrashLoopBackOff, image pull failures, config errors, OOM kills.
import type { CheckMeta } from '../../check.js';
import { yamlDocs } from '../../util/examples.js';
import { allContainerStatuses, podStatusCheck, podYaml, type PodProblem } from './shared.js';

const waiting = (reason: string, message = '') => ({ phase: 'Running', containerStatuses: [{ name: 'app', ready: false, restartCount: 7, state: { waiting: { reason, message } } }] });
const running = { phase: 'Running', containerStatuses: [{ name: 'app', ready: true, restartCount: 0, state: { running: { startedAt: '2026-11-22T06:00:00Z' } } }] };

function waitingCheck(meta: CheckMeta, reasons: Set<string> | ((r: string) => boolean), fix: (reason: string, c: string) => string) {
  const test = typeof reasons === 'function' ? reasons : (r: string) => reasons.has(r);
  return podStatusCheck(meta, (pod) => {
    const out: PodProblem[] = [];
    for (const cs of allContainerStatuses(pod)) {
      const w = cs?.state?.waiting;
      if (!w?.reason || !test(w.reason)) continue;
      const last = cs.lastState?.terminated;
      out.push({
        key: `${cs.name}|${w.reason}`,
        message: `container ${cs.name} is ${w.reason}${w.message ? `: ${String(w.message).slice(0, 300)}` : ''}${last ? ` (last exit: ${last.reason ?? ''} code ${last.exitCode})` : ''}`,
        evidence: { container: cs.name, reason: w.reason, message: w.message ?? '', restartCount: cs.restartCount, lastTermination: last ? { reason: last.reason, exitCode: last.exitCode } : null },
        fix: fix(w.reason, cs.name),
      });
    }
    return out;
  });
}

export const crashLoop = waitingCheck({
  id: 'pod-crashloop-backoff', title: 'Container in CrashLoopBackOff', category: 'runtime', severity: 'critical',
  aliases: ['popeye:203', 'k8sgpt:Pod'], needs: ['live'],
  docs: { why: 'The container keeps exiting and the kubelet is backing off restarts: the workload is down or degraded.', fix: 'Read `kubectl logs --previous` and the last exit code/reason; common causes are bad config, a missing dependency, or OOM.' },
  examples: { fail: yamlDocs(podYaml('web-1', waiting('CrashLoopBackOff', 'back-off 5m0s restarting failed container'))), pass: yamlDocs(podYaml('web-1', running)) },
}, new Set(['CrashLoopBackOff', 'RunContainerError']), (_r, c) => `kubectl logs --previous <pod> -c ${c}; fix the cause of the exit (see lastState.terminated).`);

export const imagePull = waitingCheck({
  id: 'pod-image-pull-failed', title: 'Image cannot be pulled', category: 'runtime', severity: 'critical',
  aliases: ['popeye:202', 'k8sgpt:Pod'], needs: ['live'],
  docs: { why: 'ErrImagePull/ImagePullBackOff: the image or tag does not exist, the registry is unreachable, or credentials (imagePullSecrets) are missing.', fix: 'Check the image name and tag, registry reachability from the nodes, and imagePullSecrets.' },
  examples: { fail: yamlDocs(podYaml('web-1', waiting('ImagePullBackOff', 'Back-off pulling image "shop/app:1.0"'))), pass: yamlDocs(podYaml('web-1', running)) },
}, new Set(['ErrImagePull', 'ImagePullBackOff', 'InvalidImageName', 'ErrImageNeverPull', 'RegistryUnavailable']), () => 'Fix the image reference or the registry credentials (imagePullSecrets).');

export const configError = waitingCheck({
  id: 'pod-waiting-error', title: 'Container cannot be created', category: 'runtime', severity: 'critical',
  aliases: ['popeye:202', 'k8sgpt:Pod'], needs: ['live'],
  docs: { why: 'CreateContainerConfigError / CreateContainerError: usually a missing ConfigMap/Secret key or a bad securityContext; the container never starts.', fix: 'Read the waiting message: create the missing ConfigMap/Secret key or fix the container spec.' },
  examples: { fail: yamlDocs(podYaml('web-1', waiting('CreateContainerConfigError', 'secret "db" not found'))), pass: yamlDocs(podYaml('web-1', waiting('ContainerCreating'))) },
}, new Set(['CreateContainerConfigError', 'CreateContainerError', 'PreCreateHookError', 'PostStartHookError']), () => 'Create the missing ConfigMap/Secret (key) named in the message, or fix the container spec.');

const oomMeta: CheckMeta = {
  id: 'pod-oomkilled', title: 'Container was OOMKilled', category: 'runtime', severity: 'critical',
  aliases: ['pod-oom-or-error-exit', 'k8sgpt:Pod'], needs: ['live'],
  docs: { why: 'The container hit its memory limit and the kernel killed it (exit 137). Repeated OOM kills mean the limit is below the real need (or the app leaks / its heap/cache is sized above the limit).', fix: 'Raise the memory limit, or size the process memory (JVM -Xmx / MaxRAMPercentage, DB buffers) below ~75-80% of the limit.' },
  examples: {
    fail: yamlDocs(podYaml('db-0', { phase: 'Running', containerStatuses: [{ name: 'app', ready: true, restartCount: 3, state: { running: {} }, lastState: { terminated: { reason: 'OOMKilled', exitCode: 137, finishedAt: '2026-11-22T06:00:00Z' } } }] })),
    pass: yamlDocs(podYaml('web-1', running)),
  },
};
export const oomKilled = podStatusCheck(oomMeta, (pod) => {
  const out: PodProblem[] = [];
  for (const cs of allContainerStatuses(pod)) {
    const t = cs?.state?.terminated?.reason === 'OOMKilled' ? cs.state.terminated : cs?.lastState?.terminated?.reason === 'OOMKilled' ? cs.lastState.terminated : undefined;
    if (!t) continue;
    const limit = (pod.obj.spec?.containers ?? []).find((c: { name?: string }) => c?.name === cs.name)?.resources?.limits?.memory;
    out.push({ key: cs.name, message: `container ${cs.name} was OOMKilled (restarts: ${cs.restartCount ?? 0}, memory limit ${limit ?? 'none'})`, evidence: { container: cs.name, exitCode: t.exitCode, finishedAt: t.finishedAt, restartCount: cs.restartCount, memoryLimit: limit ?? null } });
  }
  return out;
});

const restartMeta: CheckMeta = {
  id: 'pod-restarting', title: 'Container restarts often', category: 'runtime', severity: 'warning',
  aliases: ['popeye:205'], needs: ['live'],
  docs: { why: 'Many restarts mean the container keeps failing (crashes, liveness probe kills, OOM) even if it is up right now. Threshold: option `threshold` (default 5).', fix: 'Look at `kubectl describe pod` events and `kubectl logs --previous` for the reason of the restarts.' },
  examples: { fail: yamlDocs(podYaml('web-1', { phase: 'Running', containerStatuses: [{ name: 'app', ready: true, restartCount: 12, state: { running: {} } }] })), pass: yamlDocs(podYaml('web-1', running)) },
};
export const restarting = podStatusCheck(restartMeta, (pod, ctx) => {
  const th = Number(ctx.options.threshold ?? 5);
  return allContainerStatuses(pod)
    .filter((cs) => Number(cs?.restartCount ?? 0) >= th && !cs?.state?.waiting)
    .map((cs) => ({ key: cs.name, message: `container ${cs.name} restarted ${cs.restartCount} times${cs.lastState?.terminated ? ` (last: ${cs.lastState.terminated.reason ?? ''} exit ${cs.lastState.terminated.exitCode})` : ''}`, evidence: { container: cs.name, restartCount: cs.restartCount, lastTermination: cs.lastState?.terminated ?? null } }));
});
