import type { CheckMeta } from '../../check.js';
import { perContainer } from '../../util/make.js';
import type { FindingInput } from '../../util/finding.js';
import { deployment, goodContainer, obj, yamlDocs } from '../../util/examples.js';
import { containerLimitRanges, effectiveResources } from '../../util/resources.js';
import { formatResource } from '../../util/quantity.js';

const lr = obj('v1', 'LimitRange', 'bounds', { spec: { limits: [{ type: 'Container', max: { memory: '2Gi' }, min: { cpu: '50m' } }] } });

const meta: CheckMeta = {
  id: 'limitrange-violation', title: 'Container outside the namespace LimitRange min/max', category: 'capacity', severity: 'critical',
  aliases: ['K8S-LIMITRANGE'], needs: ['kind:LimitRange'],
  docs: { why: 'The LimitRanger admission plugin rejects pods whose containers ask for more than `max` or less than `min`: the controller logs FailedCreate and the pod never exists.', fix: 'Bring the container\'s requests/limits inside the LimitRange, or change the LimitRange.' },
  examples: {
    fail: yamlDocs(lr, deployment('db', {}, { containers: [goodContainer({ resources: { requests: { cpu: '100m', memory: '4Gi' }, limits: { memory: '4Gi' } } })] })),
    pass: yamlDocs(lr, deployment('web')),
  },
};

export const check = perContainer(meta, ({ c, tpl }, ctx) => {
  const ns = tpl.owner.ci.namespace;
  const eff = effectiveResources(ctx.inv, ns, c);
  const out: FindingInput[] = [];
  for (const l of containerLimitRanges(ctx.inv, ns)) {
    for (const [res, max] of Object.entries(l.max)) {
      const v = eff.limits[res] ?? eff.requests[res];
      if (v !== undefined && v > max) out.push({ message: `container ${c.name} ${eff.limits[res] !== undefined ? 'limit' : 'request'} ${res} ${formatResource(res, v)} exceeds LimitRange ${l.name} max ${formatResource(res, max)}`, evidence: { resource: res, value: formatResource(res, v), max: formatResource(res, max), limitRange: l.name } });
    }
    for (const [res, min] of Object.entries(l.min)) {
      const v = eff.requests[res];
      if (v !== undefined && v < min) out.push({ message: `container ${c.name} request ${res} ${formatResource(res, v)} is below LimitRange ${l.name} min ${formatResource(res, min)}`, evidence: { resource: res, value: formatResource(res, v), min: formatResource(res, min), limitRange: l.name } });
    }
  }
  return out;
}, { init: true });
