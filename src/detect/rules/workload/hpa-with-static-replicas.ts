// hpa-with-static-replicas: HPA target also sets spec.replicas.
import type { CheckMeta } from '../../check.js';
import { perTemplate } from '../../util/make.js';
import { deployment, yamlDocs } from '../../util/examples.js';
import { hpasFor } from '../../util/refs.js';
import { hpa } from './policy-examples.js';

export const check = perTemplate({
  id: 'hpa-with-static-replicas', title: 'HPA target also sets spec.replicas', category: 'workload', severity: 'info', aliases: ['kube-score:deployment-targeted-by-hpa-does-not-have-replicas-configured'], needs: [],
  docs: { why: 'Every `kubectl apply` of a manifest with replicas resets the HPA\'s choice, scaling the workload down during load until the HPA reacts again.', fix: 'Remove spec.replicas from the manifest of an HPA-managed workload.' },
  examples: { fail: yamlDocs(deployment('web', {}, { replicas: 3 }), hpa(2)), pass: yamlDocs(deployment('web'), hpa(2)) },
} satisfies CheckMeta, (tpl, ctx) => (tpl.owner.obj.spec?.replicas !== undefined && !ctx.inv.coverage.live && hpasFor(ctx.inv, tpl.owner).length ? { message: `replicas: ${tpl.owner.obj.spec.replicas} is set although an HPA manages it`, evidence: { replicas: tpl.owner.obj.spec.replicas } } : undefined));
