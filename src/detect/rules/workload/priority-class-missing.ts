// priority-class-missing: No priorityClassName.
import type { CheckMeta } from '../../check.js';
import { perTemplate } from '../../util/make.js';
import { deployment, yamlDocs } from '../../util/examples.js';

export const check = perTemplate({
  id: 'priority-class-missing', title: 'No priorityClassName', category: 'workload', severity: 'info', aliases: ['polaris:priorityClassNotSet', 'kube-linter:priority-class-name'], needs: [],
  docs: { why: 'Without a priority class every pod has the same priority: under pressure the scheduler may preempt or evict critical pods before batch ones.', fix: 'Set `priorityClassName` to a PriorityClass reflecting the workload\'s importance.' },
  examples: { fail: yamlDocs(deployment('web')), pass: yamlDocs(deployment('web', { priorityClassName: 'business-critical' })) },
} satisfies CheckMeta, (tpl) => (tpl.spec?.priorityClassName ? undefined : { message: 'no priorityClassName', evidence: { priorityClassName: null } }));
