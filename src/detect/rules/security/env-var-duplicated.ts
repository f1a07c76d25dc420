import type { CheckMeta } from '../../check.js';
import { perContainer } from '../../util/make.js';
import { deployment, goodContainer, yamlDocs } from '../../util/examples.js';

const meta: CheckMeta = {
  id: 'env-var-duplicated',
  title: 'Environment variable defined twice',
  category: 'workload',
  severity: 'warning',
  aliases: ['kube-score:environment-variable-key-duplication', 'kube-linter:duplicate-env-var'],
  needs: [],
  docs: {
    why: 'When a name appears twice in `env`, the last one silently wins; the other value is dead configuration that someone will edit in vain.',
    fix: 'Keep one definition per name.',
  },
  examples: {
    fail: yamlDocs(deployment('web', {}, { containers: [goodContainer({ env: [{ name: 'MODE', value: 'a' }, { name: 'MODE', value: 'b' }] })] })),
    pass: yamlDocs(deployment('web', {}, { containers: [goodContainer({ env: [{ name: 'MODE', value: 'a' }, { name: 'LEVEL', value: 'b' }] })] })),
  },
};

export const check = perContainer(meta, ({ c }) => {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const e of Array.isArray(c.env) ? c.env : []) if (e?.name) (seen.has(e.name) ? dup : seen).add(e.name);
  return dup.size ? { message: `container ${c.name} defines ${[...dup].join(', ')} more than once`, evidence: { duplicated: [...dup] } } : undefined;
}, { init: true });
