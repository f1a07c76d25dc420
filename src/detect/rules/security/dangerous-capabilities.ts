import type { CheckMeta } from '../../check.js';
import { perContainer } from '../../util/make.js';
import { deployment, goodContainer, yamlDocs } from '../../util/examples.js';

export const DANGEROUS = new Set(['ALL', 'SYS_ADMIN', 'NET_ADMIN', 'SYS_PTRACE', 'SYS_MODULE', 'SYS_RAWIO', 'SYS_BOOT', 'DAC_READ_SEARCH', 'BPF', 'SYS_TIME', 'MAC_ADMIN', 'MAC_OVERRIDE']);
const norm = (c: unknown) => String(c).toUpperCase().replace(/^CAP_/, '');

const meta: CheckMeta = {
  id: 'dangerous-capabilities',
  title: 'Dangerous Linux capabilities added',
  category: 'security',
  severity: 'critical',
  aliases: ['polaris:dangerousCapabilities'],
  needs: [],
  docs: {
    why: 'Capabilities such as SYS_ADMIN, NET_ADMIN or ALL are close to root on the node: mount filesystems, change routing, load modules.',
    fix: 'Remove the capability from `securityContext.capabilities.add`; if one is truly needed, document it with a `hypercas.io/ignore` annotation.',
  },
  examples: {
    fail: yamlDocs(deployment('web', {}, { containers: [goodContainer({ securityContext: { capabilities: { add: ['SYS_ADMIN'] } } })] })),
    pass: yamlDocs(deployment('web'), deployment('web2', {}, { containers: [goodContainer({ securityContext: { capabilities: { drop: ['ALL'], add: ['NET_BIND_SERVICE'] } } })] })),
  },
};

export const check = perContainer(meta, ({ c }) => {
  const added = ((c.securityContext?.capabilities?.add ?? []) as unknown[]).map(norm).filter((x) => DANGEROUS.has(x));
  return added.length ? { message: `container ${c.name} adds ${added.join(', ')}`, evidence: { 'securityContext.capabilities.add': added } } : undefined;
}, { init: true });
