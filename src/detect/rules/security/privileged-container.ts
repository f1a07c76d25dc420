import type { CheckMeta } from '../../check.js';
import { perContainer } from '../../util/make.js';
import { deployment, goodContainer, yamlDocs } from '../../util/examples.js';

const meta: CheckMeta = {
  id: 'privileged-container',
  title: 'Privileged container',
  category: 'security',
  severity: 'critical',
  aliases: ['polaris:runAsPrivileged', 'kube-score:container-security-context-privileged', 'kube-linter:privileged-container'],
  needs: [],
  docs: {
    why: 'A privileged container has every capability and all host devices: a compromise of the container is a compromise of the node.',
    fix: 'Remove `securityContext.privileged: true`; grant only the specific capability needed.',
  },
  examples: {
    fail: yamlDocs(deployment('web', {}, { containers: [goodContainer({ securityContext: { privileged: true } })] })),
    pass: yamlDocs(deployment('web')),
  },
};

export const check = perContainer(meta, ({ c }) => (c.securityContext?.privileged === true ? { message: `container ${c.name} runs privileged`, evidence: { 'securityContext.privileged': true } } : undefined), { init: true });
