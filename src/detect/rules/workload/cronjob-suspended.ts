// cronjob-suspended: CronJob is suspended.
import { perObject } from '../../util/make.js';
import { yamlDocs } from '../../util/examples.js';
import { cron } from './cronjob-examples.js';

export const check = perObject(
  {
    id: 'cronjob-suspended', title: 'CronJob is suspended', category: 'workload', severity: 'info', aliases: ['popeye:1500'], needs: [],
    docs: { why: 'A suspended CronJob never runs; often left over from an incident.', fix: 'Set `spec.suspend: false` or delete the CronJob.' },
    examples: { fail: yamlDocs(cron({ suspend: true, startingDeadlineSeconds: 100 })), pass: yamlDocs(cron({ startingDeadlineSeconds: 100 })) },
  },
  ['CronJob'],
  (item) => (item.obj.spec?.suspend === true ? { message: 'CronJob is suspended', evidence: { suspend: true } } : undefined),
);
