// ssh-port-exposed: Container exposes SSH (port 22).
import type { CheckMeta } from '../../check.js';
import { perContainer } from '../../util/make.js';
import { deployment, goodContainer, yamlDocs } from '../../util/examples.js';
import { containerPorts } from '../../util/pods.js';

export const check = perContainer({
  id: 'ssh-port-exposed', title: 'Container exposes SSH (port 22)', category: 'security', severity: 'warning', aliases: ['kube-linter:ssh-port'], needs: [],
  docs: { why: 'An SSH daemon in a container is a second, unmanaged way in; use `kubectl exec` or ephemeral debug containers instead.', fix: 'Remove the SSH server and port 22.' },
  examples: { fail: yamlDocs(deployment('web', {}, { containers: [goodContainer({ ports: [{ name: 'ssh', containerPort: 22 }] })] })), pass: yamlDocs(deployment('web')) },
} satisfies CheckMeta, ({ c }) => (containerPorts(c).some((p) => p.containerPort === 22) ? { message: `container ${c.name} exposes port 22`, evidence: { ports: containerPorts(c) } } : undefined));
