// proc-mount-unmasked: procMount Unmasked.
import type { CheckMeta } from '../../check.js';
import { perContainer } from '../../util/make.js';
import { deployment, goodContainer, yamlDocs } from '../../util/examples.js';

export const check = perContainer({
  id: 'proc-mount-unmasked', title: 'procMount Unmasked', category: 'security', severity: 'warning', aliases: ['polaris:procMount', 'kube-linter:unsafe-proc-mount'], needs: [],
  docs: { why: 'An unmasked /proc exposes kernel interfaces that the runtime normally hides from containers.', fix: 'Remove `securityContext.procMount: Unmasked`.' },
  examples: { fail: yamlDocs(deployment('web', {}, { containers: [goodContainer({ securityContext: { procMount: 'Unmasked' } })] })), pass: yamlDocs(deployment('web')) },
} satisfies CheckMeta, ({ c }) => (c.securityContext?.procMount === 'Unmasked' ? { message: `container ${c.name} mounts /proc unmasked`, evidence: { procMount: 'Unmasked' } } : undefined), { init: true });
