// workload-zero-replicas: Workload scaled to zero.
import type { CheckMeta } from '../../check.js';
import { perObject } from '../../util/make.js';
import { deployment, yamlDocs } from '../../util/examples.js';
import { hpasFor } from '../../util/refs.js';

export const check = perObject({
  id: 'workload-zero-replicas', title: 'Workload scaled to zero', category: 'waste', severity: 'info',
  aliases: ['popeye:500'], needs: [],
  docs: { why: 'A Deployment/StatefulSet at 0 replicas runs nothing but keeps its config, Services and claims around; often forgotten after an incident.', fix: 'Delete it if it is no longer needed, or scale it back up.' },
  examples: { fail: yamlDocs(deployment('old', {}, { replicas: 0 })), pass: yamlDocs(deployment('web', {}, { replicas: 2 })) },
} satisfies CheckMeta, ['Deployment', 'StatefulSet'], (w, ctx) => (w.obj.spec?.replicas === 0 && !hpasFor(ctx.inv, w).length ? { message: `${w.ci.kind} ${w.ci.name} has replicas: 0`, evidence: { replicas: 0 } } : undefined));
