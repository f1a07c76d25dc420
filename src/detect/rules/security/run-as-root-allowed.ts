import type { CheckMeta } from '../../check.js';
import { perContainer } from '../../util/make.js';
import { containerPatch } from '../../util/patch.js';
import { deployment, goodContainer, yamlDocs } from '../../util/examples.js';
import { sc } from './shared.js';

const meta: CheckMeta = {
  id: 'run-as-root-allowed',
  title: 'Container may run as root',
  category: 'security',
  severity: 'warning',
  aliases: ['polaris:runAsRootAllowed', 'kube-score:container-security-context-user-group-id', 'kube-linter:run-as-non-root'],
  needs: [],
  docs: {
    why: 'Root in a container is root on the host for any kernel or runtime escape, and can write anywhere in the image. `runAsUser: 0` is critical; not forcing non-root is a warning.',
    fix: 'Set `securityContext.runAsNonRoot: true` and a non-zero `runAsUser` (pod or container level).',
  },
  examples: {
    fail: yamlDocs(deployment('web', {}, { containers: [goodContainer({ securityContext: { runAsUser: 0 } })] })),
    pass: yamlDocs(deployment('web'), deployment('web2', { securityContext: { runAsNonRoot: true, runAsUser: 1000 } }, { containers: [goodContainer({ securityContext: { allowPrivilegeEscalation: false } })] })),
  },
};

export const check = perContainer(meta, ({ c, tpl, list }) => {
  const user = sc(tpl, c, 'runAsUser');
  const nonRoot = sc(tpl, c, 'runAsNonRoot');
  if (user === 0) return { severity: 'critical', message: `container ${c.name} runs as UID 0 (root)`, evidence: { runAsUser: 0 } };
  if (nonRoot === true || (typeof user === 'number' && user > 0)) return undefined;
  return { message: `container ${c.name} is not forced to run as non-root`, evidence: { runAsNonRoot: nonRoot ?? null, runAsUser: user ?? null }, patch: containerPatch(tpl, list, c.name, { securityContext: { runAsNonRoot: true } }) };
});
