// A CronJob that has stopped being scheduled (Popeye 1502/1503): no status.lastScheduleTime long
// after creation, or a lastScheduleTime several periods of its schedule old. Also: one that is
// scheduled but has not succeeded for several periods (status.lastSuccessfulTime, k8s ≥ 1.21).
import type { Check, CheckMeta } from '../../check.js';
import type { Finding } from '../../../model/finding.js';
import { finding } from '../../util/finding.js';
import { obj, yamlDocs } from '../../util/examples.js';
import { parseCron, prevFire, prevFires } from './cron-schedule.js';
import { nowFrom } from './cluster-version-old.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
/** Default number of scheduled runs that must have been missed. */
const PERIODS = 3;
/** Never report before this long since the expected run (controller lag, collection time). */
const MIN_LATENESS = 15 * 60_000;
/** Slack when the schedule is in another time zone than UTC (offsets are below 14 h). */
const ZONE_SLACK = 14 * 3_600_000;
const COUNT_CAP = 100;

export const EXAMPLE_NOW = '2026-11-22T07:30:00Z';
const cron = (status: Record<string, unknown>, schedule = '0 * * * *') =>
  obj('batch/v1', 'CronJob', 'report', {
    metadata: { name: 'report', namespace: 'shop', creationTimestamp: '2026-01-10T00:00:00Z' },
    spec: { schedule, startingDeadlineSeconds: 300, jobTemplate: { spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'report', image: 'registry.example.com/report:1.0' }] } } } } },
    status,
  });

const meta: CheckMeta = {
  id: 'cronjob-not-running',
  title: 'CronJob is not being scheduled',
  category: 'runtime',
  severity: 'warning',
  aliases: ['popeye:1502', 'popeye:1503'],
  needs: ['live'],
  docs: {
    why: `A CronJob whose last scheduled run is several periods old (or that never ran since it was created) silently stopped doing its work: backups, reports, certificate renewals. Common causes: more than 100 missed start times ("Cannot determine if job needs to be started"), a stuck Job blocking concurrencyPolicy Forbid, a startingDeadlineSeconds shorter than the controller's lag. Reported when at least ${PERIODS} scheduled runs were missed (option \`periods\`); the schedule is evaluated in UTC, with a day of slack when it names a time zone. Suspended CronJobs are left to cronjob-suspended, unparsable schedules to cronjob-invalid-schedule.`,
    fix: 'Look at `kubectl describe cronjob <name>` events and its active Jobs: delete a stuck Job, raise or remove startingDeadlineSeconds, fix the schedule/time zone; `kubectl create job --from=cronjob/<name> <name>-manual` runs it once now.',
  },
  examples: {
    fail: yamlDocs(cron({ lastScheduleTime: '2026-11-20T10:00:00Z' })),
    pass: yamlDocs(cron({ lastScheduleTime: '2026-11-22T07:00:00Z', lastSuccessfulTime: '2026-11-22T07:01:10Z' })),
  },
};

const fmt = (t: number) => new Date(t).toISOString().replace(/\.000Z$/, 'Z');

/** Scheduled times in (after, before), newest first, capped. */
function missedSince(c: NonNullable<ReturnType<typeof parseCron>>, after: number, before: number): number {
  let n = 0;
  for (let t = prevFire(c, before); t !== undefined && t > after && n < COUNT_CAP; t = prevFire(c, t)) n++;
  return n;
}

export const check: Check = {
  meta,
  run(ctx) {
    const now = nowFrom(ctx.options);
    const periods = typeof ctx.options.periods === 'number' && ctx.options.periods >= 1 ? Math.floor(ctx.options.periods) : PERIODS;
    const out: Finding[] = [];
    for (const cj of ctx.inv.byKind('CronJob')) {
      const spec = cj.obj.spec ?? {};
      if (spec.suspend === true) continue;
      const c = parseCron(spec.schedule);
      if (!c) continue;
      const zoned = c.zoned || (typeof spec.timeZone === 'string' && spec.timeZone !== '' && spec.timeZone !== 'UTC' && spec.timeZone !== 'Etc/UTC');
      const fires = prevFires(c, now, periods);
      if (fires.length < periods) continue; // too sparse to judge (e.g. yearly, five years back)
      const threshold = Math.min(fires[periods - 1], now - MIN_LATENESS) - (zoned ? ZONE_SLACK : 0);
      const status = cj.obj.status ?? {};
      const last = Date.parse(status.lastScheduleTime ?? '');
      const created = Date.parse(cj.obj.metadata?.creationTimestamp ?? '');
      const active = ((status.active ?? []) as any[]).map((a) => a?.name).filter(Boolean);
      const stuck = active.length ? `; Job ${active.join(', ')} is still active${spec.concurrencyPolicy === 'Forbid' ? ' and concurrencyPolicy Forbid blocks new runs' : ''}` : '';
      const base = { schedule: spec.schedule, ...(spec.timeZone ? { timeZone: spec.timeZone } : {}), lastScheduleTime: status.lastScheduleTime ?? null, expectedRun: fmt(fires[0]), ...(active.length ? { active } : {}) };
      if (Number.isFinite(last)) {
        if (last < threshold) {
          const n = missedSince(c, last, now);
          out.push(finding(meta, cj, { message: `CronJob ${cj.ci.name} ("${spec.schedule}") was last scheduled at ${fmt(last)}; ${n >= COUNT_CAP ? `${COUNT_CAP}+` : n} scheduled runs missed since${stuck}`, evidence: { ...base, missedRuns: n } }));
          continue;
        }
        // Scheduled, but not succeeding: only when the cluster reports lastSuccessfulTime at all.
        const ok = Date.parse(status.lastSuccessfulTime ?? '');
        if (Number.isFinite(ok) && ok < threshold && !active.length) {
          const n = missedSince(c, ok, now);
          out.push(finding(meta, cj, { message: `CronJob ${cj.ci.name} ("${spec.schedule}") runs but last succeeded at ${fmt(ok)}; ${n >= COUNT_CAP ? `${COUNT_CAP}+` : n} runs since did not succeed`, evidence: { ...base, lastSuccessfulTime: status.lastSuccessfulTime, runsWithoutSuccess: n }, fix: 'Look at the failed Jobs of this CronJob (`kubectl get jobs -l` / their pod logs) and fix the job; it is being scheduled.' }));
        }
      } else if (Number.isFinite(created) && created < threshold) {
        const n = missedSince(c, created, now);
        out.push(finding(meta, cj, { message: `CronJob ${cj.ci.name} ("${spec.schedule}") has never been scheduled since it was created at ${fmt(created)}; ${n >= COUNT_CAP ? `${COUNT_CAP}+` : n} scheduled runs missed${stuck}`, evidence: { ...base, creationTimestamp: cj.obj.metadata?.creationTimestamp, missedRuns: n } }));
      }
    }
    return out;
  },
};
