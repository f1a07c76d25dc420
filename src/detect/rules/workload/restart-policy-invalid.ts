// restart-policy-invalid: Job pod restartPolicy must be OnFailure or Never.
import type { CheckMeta } from '../../check.js';
import { perTemplate } from '../../util/make.js';
import { yamlDocs } from '../../util/examples.js';
import { cron } from './cronjob-examples.js';

export const check = perTemplate(
  {
    id: 'restart-policy-invalid', title: 'Job pod restartPolicy must be OnFailure or Never', category: 'workload', severity: 'critical',
    aliases: ['kube-score:cronjob-restartpolicy', 'kube-linter:restart-policy'], needs: [],
    docs: { why: 'The API server rejects Job and CronJob pod templates whose restartPolicy is Always (or unset, which defaults to Always).', fix: 'Set `restartPolicy: OnFailure` (or Never) in the job pod template.' },
    examples: { fail: yamlDocs(cron({}, { restartPolicy: 'Always' })), pass: yamlDocs(cron({ startingDeadlineSeconds: 100 })) },
  } satisfies CheckMeta,
  (tpl) => {
    if (!['Job', 'CronJob'].includes(tpl.owner.obj.kind)) return undefined;
    const rp = tpl.spec?.restartPolicy;
    return rp === 'OnFailure' || rp === 'Never' ? undefined : { message: `job pod template restartPolicy is ${rp ?? 'unset (Always)'}`, evidence: { restartPolicy: rp ?? null } };
  },
);
