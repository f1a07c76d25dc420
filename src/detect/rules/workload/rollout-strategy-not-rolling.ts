// rollout-strategy-not-rolling: Service-backing Deployment uses Recreate.
import type { CheckMeta } from '../../check.js';
import { perTemplate } from '../../util/make.js';
import { deployment, service, yamlDocs } from '../../util/examples.js';
import { servicesSelecting } from '../../util/refs.js';

export const check = perTemplate({
  id: 'rollout-strategy-not-rolling', title: 'Service-backing Deployment uses Recreate', category: 'workload', severity: 'info', aliases: ['kube-score:deployment-strategy', 'kube-linter:no-rolling-update-strategy'], needs: [],
  docs: { why: 'Recreate stops every pod before starting new ones: each rollout is an outage for the Service in front.', fix: 'Use `strategy.type: RollingUpdate` unless the app cannot run two versions at once.' },
  examples: { fail: yamlDocs({ ...deployment('web', {}, { replicas: 2 }), spec: { ...deployment('web', {}, { replicas: 2 }).spec, strategy: { type: 'Recreate' } } }, service('web', { app: 'web' })), pass: yamlDocs(deployment('web', {}, { replicas: 2 }), service('web', { app: 'web' })) },
} satisfies CheckMeta, (tpl, ctx) => (tpl.owner.obj.kind === 'Deployment' && tpl.owner.obj.spec?.strategy?.type === 'Recreate' && servicesSelecting(ctx.inv, tpl).length ? { message: 'strategy Recreate behind a Service', evidence: { strategy: 'Recreate' } } : undefined));
