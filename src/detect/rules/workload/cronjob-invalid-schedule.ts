// cronjob-invalid-schedule: CronJob schedule cannot be parsed.
import { perObject } from '../../util/make.js';
import { yamlDocs } from '../../util/examples.js';
import { cron } from './cronjob-examples.js';

const SCHEDULE_FIELD = /^(\*|\?|[0-9A-Za-z]+(-[0-9A-Za-z]+)?)(\/\d+)?(,(\*|[0-9A-Za-z]+(-[0-9A-Za-z]+)?)(\/\d+)?)*$/;

export const check = perObject(
  {
    id: 'cronjob-invalid-schedule', title: 'CronJob schedule cannot be parsed', category: 'workload', severity: 'critical',
    aliases: ['k8sgpt:CronJob'], needs: [],
    docs: { why: 'An unparsable schedule is rejected by the API server, or the job never runs.', fix: 'Use a 5-field cron expression (minute hour day-of-month month day-of-week) or a macro such as @daily.' },
    examples: { fail: yamlDocs(cron({ schedule: '0 3 * *' })), pass: yamlDocs(cron({ schedule: '*/15 3-5 * * MON-FRI' }), cron({ schedule: '@daily' })) },
  },
  ['CronJob'],
  (item) => {
    const s = String(item.obj.spec?.schedule ?? '').trim().replace(/^(CRON_)?TZ=\S+\s+/, '');
    if (/^@(yearly|annually|monthly|weekly|daily|midnight|hourly|every \S+)$/.test(s)) return undefined;
    const f = s.split(/\s+/);
    if (f.length === 5 && f.every((x) => SCHEDULE_FIELD.test(x))) return undefined;
    return { message: `schedule "${s}" is not a valid cron expression`, evidence: { schedule: item.obj.spec?.schedule ?? null } };
  },
);
