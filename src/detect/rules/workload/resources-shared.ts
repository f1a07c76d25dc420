// The four requests/limits checks differ only in which value they look at.
import type { Check, CheckMeta } from '../../check.js';
import type { Severity } from '../../../model/finding.js';
import { perContainer } from '../../util/make.js';
import { containerLimitRanges } from '../../util/resources.js';
import { deployment, goodContainer, obj, yamlDocs } from '../../util/examples.js';

export function resourceCheck(kind: 'requests' | 'limits', res: 'cpu' | 'memory', severity: Severity, aliases: string[], why: string): Check {
  const id = `${res}-${kind === 'requests' ? 'request' : 'limit'}-missing`;
  const without = { ...goodContainer() };
  const r = structuredClone(without.resources);
  delete r[kind][res];
  // A limit alone implies the request, so a missing request means no limit either.
  if (kind === 'requests') delete r.limits[res];
  const meta: CheckMeta = {
    id,
    title: `Container without ${res === 'cpu' ? 'CPU' : 'memory'} ${kind === 'requests' ? 'request' : 'limit'}`,
    category: 'workload',
    severity,
    aliases,
    needs: [],
    docs: {
      why,
      fix: `Set \`resources.${kind}.${res}\` on every container (or a LimitRange default in the namespace).`,
    },
    examples: {
      fail: yamlDocs(deployment('web', {}, { containers: [goodContainer({ resources: r })] })),
      pass: yamlDocs(
        deployment('web'),
        obj('v1', 'LimitRange', 'defaults', { spec: { limits: [{ type: 'Container', default: { cpu: '1', memory: '1Gi' }, defaultRequest: { cpu: '100m', memory: '128Mi' } }] } }, 'other'),
        deployment('other', {}, { ns: 'other', containers: [goodContainer({ resources: {} })] }),
      ),
    },
  };
  return perContainer(meta, ({ c, tpl }, ctx) => {
    const has = c.resources?.[kind]?.[res] !== undefined || (kind === 'requests' && c.resources?.limits?.[res] !== undefined);
    if (has) return undefined;
    // A LimitRange default fills the gap at admission.
    const lr = containerLimitRanges(ctx.inv, tpl.owner.ci.namespace).find((l) => (kind === 'limits' ? l.default[res] : l.defaultRequest[res] ?? l.default[res]) !== undefined);
    if (lr) return undefined;
    return { message: `container ${c.name} has no ${res} ${kind === 'requests' ? 'request' : 'limit'}`, evidence: { [`resources.${kind}.${res}`]: null } };
  });
}
