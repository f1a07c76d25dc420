import type { CheckMeta } from '../../check.js';
import { perContainer } from '../../util/make.js';
import { deployment, goodContainer, yamlDocs } from '../../util/examples.js';

const meta: CheckMeta = {
  id: 'host-port',
  title: 'Container binds a hostPort',
  category: 'security',
  severity: 'warning',
  aliases: ['polaris:hostPortSet'],
  needs: [],
  docs: {
    why: 'A hostPort exposes the pod on every node address outside the Service/NetworkPolicy model, and limits the workload to one pod per node per port.',
    fix: 'Remove `hostPort` and expose the pod through a Service (NodePort/LoadBalancer) or an Ingress.',
  },
  examples: {
    fail: yamlDocs(deployment('web', {}, { containers: [goodContainer({ ports: [{ name: 'http', containerPort: 8080, hostPort: 80 }] })] })),
    pass: yamlDocs(deployment('web')),
  },
};

export const check = perContainer(meta, ({ c }) => {
  const hp = (Array.isArray(c.ports) ? c.ports : []).filter((p: { hostPort?: number }) => p?.hostPort);
  return hp.length ? { message: `container ${c.name} binds hostPort ${hp.map((p: { hostPort: number }) => p.hostPort).join(', ')}`, evidence: { hostPorts: hp } } : undefined;
}, { init: true });
