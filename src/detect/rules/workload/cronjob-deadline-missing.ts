// cronjob-deadline-missing: CronJob without startingDeadlineSeconds.
import { perObject } from '../../util/make.js';
import type { FindingInput } from '../../util/finding.js';
import { yamlDocs } from '../../util/examples.js';
import { cron } from './cronjob-examples.js';

export const check = perObject(
  {
    id: 'cronjob-deadline-missing', title: 'CronJob without startingDeadlineSeconds', category: 'workload', severity: 'info',
    aliases: ['kube-score:cronjob-has-deadline'], needs: [],
    docs: { why: 'Without a starting deadline, a controller that was down counts every missed schedule; after 100 misses the CronJob stops scheduling for good.', fix: 'Set `spec.startingDeadlineSeconds` (e.g. 200).' },
    examples: { fail: yamlDocs(cron({})), pass: yamlDocs(cron({ startingDeadlineSeconds: 200 })) },
  },
  ['CronJob'],
  (item): FindingInput | undefined => {
    const d = item.obj.spec?.startingDeadlineSeconds;
    if (typeof d === 'number' && d > 0) return undefined;
    return { message: d === undefined ? 'no startingDeadlineSeconds' : `startingDeadlineSeconds is ${d}`, evidence: { startingDeadlineSeconds: d ?? null } };
  },
);
