import { describe, expect, it } from 'vitest';
import { check, EXAMPLE_NOW } from './cronjob-not-running.js';
import { describeExamples, inventoryFromYaml, runCheck } from '../../testing.js';
import { runChecks } from '../../engine.js';
import { obj, yamlDocs } from '../../util/examples.js';

describeExamples(check, { live: true, options: { now: EXAMPLE_NOW } });

const cj = (spec: Record<string, unknown>, status: Record<string, unknown>, created = '2026-01-10T00:00:00Z') =>
  yamlDocs(obj('batch/v1', 'CronJob', 'job', { metadata: { name: 'job', namespace: 'shop', creationTimestamp: created }, spec: { schedule: '0 * * * *', jobTemplate: { spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'x', image: 'x:1' }] } } } }, ...spec }, status }));
const run = (y: string, now = EXAMPLE_NOW, options: Record<string, unknown> = {}) => runCheck(check, y, { live: true, options: { now, ...options } });

describe('cronjob-not-running', () => {
  it('counts the missed runs', () => {
    const [f] = run(check.meta.examples.fail);
    expect(f.message).toBe('CronJob report ("0 * * * *") was last scheduled at 2026-11-20T10:00:00Z; 45 scheduled runs missed since');
    expect(f.evidence).toMatchObject({ expectedRun: '2026-11-22T07:00:00Z', missedRuns: 45 });
  });
  it('tolerates fewer missed runs than the threshold', () => {
    expect(run(cj({}, { lastScheduleTime: '2026-11-22T05:00:00Z' }))).toEqual([]); // 2 missed (06:00, 07:00)
    expect(run(cj({}, { lastScheduleTime: '2026-11-22T04:00:00Z' }))).toHaveLength(1); // 3 missed
    expect(run(cj({}, { lastScheduleTime: '2026-11-22T04:00:00Z' }), EXAMPLE_NOW, { periods: 5 })).toEqual([]);
  });
  it('reports a CronJob never scheduled since its creation, not a new one', () => {
    expect(run(cj({ schedule: '0 3 * * *' }, {}, '2026-11-01T00:00:00Z'))[0].message).toMatch(/never been scheduled since it was created at 2026-11-01T00:00:00Z; 22 scheduled runs missed/);
    expect(run(cj({ schedule: '0 3 * * *' }, {}, '2026-11-20T12:00:00Z'))).toEqual([]); // only 2 runs due so far
  });
  it('names a still-active Job blocking a Forbid CronJob', () => {
    const [f] = run(cj({ concurrencyPolicy: 'Forbid' }, { lastScheduleTime: '2026-11-21T00:00:00Z', active: [{ kind: 'Job', name: 'job-29412345' }] }));
    expect(f.message).toMatch(/Job job-29412345 is still active and concurrencyPolicy Forbid blocks new runs$/);
  });
  it('reports a CronJob that is scheduled but has not succeeded for several periods', () => {
    const [f] = run(cj({}, { lastScheduleTime: '2026-11-22T07:00:00Z', lastSuccessfulTime: '2026-11-21T23:02:00Z' }));
    expect(f.message).toMatch(/runs but last succeeded at 2026-11-21T23:02:00Z; 8 runs since did not succeed/);
    expect(run(cj({}, { lastScheduleTime: '2026-11-22T07:00:00Z' }))).toEqual([]); // no lastSuccessfulTime: older cluster, no judgement
  });
  it('gives zoned schedules a day of slack, and skips suspended or unparsable ones', () => {
    expect(run(cj({ schedule: '0 3 * * *', timeZone: 'Asia/Seoul' }, { lastScheduleTime: '2026-11-19T18:00:00Z' }))).toEqual([]);
    expect(run(cj({ schedule: '0 3 * * *', timeZone: 'Asia/Seoul' }, { lastScheduleTime: '2026-11-15T18:00:00Z' }))).toHaveLength(1);
    expect(run(cj({ suspend: true }, { lastScheduleTime: '2026-01-20T10:00:00Z' }))).toEqual([]);
    expect(run(cj({ schedule: 'every hour' }, { lastScheduleTime: '2026-01-20T10:00:00Z' }))).toEqual([]);
  });
  it('is not judged soon after an every-minute run, and is skipped on manifest files', () => {
    expect(run(cj({ schedule: '* * * * *' }, { lastScheduleTime: '2026-11-22T07:20:00Z' }))).toEqual([]);
    expect(run(cj({ schedule: '* * * * *' }, { lastScheduleTime: '2026-11-22T07:10:00Z' }))).toHaveLength(1);
    expect(runChecks(inventoryFromYaml(check.meta.examples.fail), [check]).outcomes[0]).toMatchObject({ status: 'skipped', reason: expect.stringMatching(/live/) });
  });
});
