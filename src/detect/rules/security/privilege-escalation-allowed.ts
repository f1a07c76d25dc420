import type { CheckMeta } from '../../check.js';
import { perContainer } from '../../util/make.js';
import { containerPatch } from '../../util/patch.js';
import { deployment, goodContainer, yamlDocs } from '../../util/examples.js';

const meta: CheckMeta = {
  id: 'privilege-escalation-allowed',
  title: 'Privilege escalation allowed',
  category: 'security',
  severity: 'warning',
  aliases: ['polaris:privilegeEscalationAllowed', 'kube-linter:privilege-escalation-container'],
  needs: [],
  docs: {
    why: '`allowPrivilegeEscalation` defaults to true: setuid binaries in the image can gain more privileges than the process started with.',
    fix: 'Set `securityContext.allowPrivilegeEscalation: false` on the container.',
  },
  examples: {
    fail: yamlDocs(deployment('web', {}, { containers: [goodContainer({ securityContext: { runAsNonRoot: true, readOnlyRootFilesystem: true } })] })),
    pass: yamlDocs(deployment('web')),
  },
};

export const check = perContainer(meta, ({ c, tpl, list }) =>
  c.securityContext?.allowPrivilegeEscalation === false ? undefined : { message: `container ${c.name} allows privilege escalation`, evidence: { 'securityContext.allowPrivilegeEscalation': c.securityContext?.allowPrivilegeEscalation ?? null }, patch: containerPatch(tpl, list, c.name, { securityContext: { allowPrivilegeEscalation: false } }) },
);
