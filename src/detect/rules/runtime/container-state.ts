// Shared by the pod container-state checks: a check factory for waiting reasons, and example statuses.
import type { CheckMeta } from '../../check.js';
import { allContainerStatuses, podStatusCheck, type PodProblem } from './shared.js';

export const waiting = (reason: string, message = '') => ({ phase: 'Running', containerStatuses: [{ name: 'app', ready: false, restartCount: 7, state: { waiting: { reason, message } } }] });

export const running = { phase: 'Running', containerStatuses: [{ name: 'app', ready: true, restartCount: 0, state: { running: { startedAt: '2026-11-22T06:00:00Z' } } }] };

export function waitingCheck(meta: CheckMeta, reasons: Set<string> | ((r: string) => boolean), fix: (reason: string, c: string) => string) {
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
