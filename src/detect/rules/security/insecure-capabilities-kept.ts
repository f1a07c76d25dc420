import type { CheckMeta } from '../../check.js';
import { perContainer } from '../../util/make.js';
import { deployment, goodContainer, yamlDocs } from '../../util/examples.js';

const meta: CheckMeta = {
  id: 'insecure-capabilities-kept',
  title: 'Default capabilities (NET_RAW…) not dropped',
  category: 'security',
  severity: 'info',
  aliases: ['polaris:insecureCapabilities', 'kube-linter:drop-net-raw-capability'],
  needs: [],
  docs: {
    why: 'Container runtimes grant NET_RAW, CHOWN, SETUID and others by default; NET_RAW allows ARP/DNS spoofing inside the pod network.',
    fix: 'Add `securityContext.capabilities.drop: [ALL]` and add back only what the process needs.',
  },
  examples: {
    fail: yamlDocs(deployment('web', {}, { containers: [goodContainer({ securityContext: { runAsNonRoot: true } })] })),
    pass: yamlDocs(deployment('web'), deployment('web2', {}, { containers: [goodContainer({ securityContext: { capabilities: { drop: ['NET_RAW'] } } })] })),
  },
};

export const check = perContainer(meta, ({ c }) => {
  const drop = ((c.securityContext?.capabilities?.drop ?? []) as unknown[]).map((x) => String(x).toUpperCase().replace(/^CAP_/, ''));
  return drop.includes('ALL') || drop.includes('NET_RAW') ? undefined : { message: `container ${c.name} keeps the runtime's default capabilities (NET_RAW not dropped)`, evidence: { 'securityContext.capabilities.drop': drop } };
});
