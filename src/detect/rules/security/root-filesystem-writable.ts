import type { CheckMeta } from '../../check.js';
import { perContainer } from '../../util/make.js';
import { containerPatch } from '../../util/patch.js';
import { deployment, goodContainer, yamlDocs } from '../../util/examples.js';

const meta: CheckMeta = {
  id: 'root-filesystem-writable',
  title: 'Root filesystem is writable',
  category: 'security',
  severity: 'info',
  aliases: ['polaris:notReadOnlyRootFilesystem', 'kube-score:container-security-context-readonlyrootfilesystem', 'kube-linter:no-read-only-root-fs'],
  needs: [],
  docs: {
    why: 'A writable root filesystem lets an attacker drop tools or modify binaries, and hides state that is lost on restart. Many off-the-shelf images need a writable root, so this is informational.',
    fix: 'Set `securityContext.readOnlyRootFilesystem: true` and mount `emptyDir` volumes where the app writes (e.g. /tmp).',
  },
  examples: {
    fail: yamlDocs(deployment('web', {}, { containers: [goodContainer({ securityContext: { runAsNonRoot: true } })] })),
    pass: yamlDocs(deployment('web')),
  },
};

export const check = perContainer(meta, ({ c, tpl, list }) => (c.securityContext?.readOnlyRootFilesystem === true ? undefined : { message: `container ${c.name} has a writable root filesystem`, evidence: { 'securityContext.readOnlyRootFilesystem': c.securityContext?.readOnlyRootFilesystem ?? null }, patch: containerPatch(tpl, list, c.name, { securityContext: { readOnlyRootFilesystem: true } }) }));
