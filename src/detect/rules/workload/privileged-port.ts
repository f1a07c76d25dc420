// privileged-port: Container port below 1024.
import type { CheckMeta } from '../../check.js';
import { perContainer } from '../../util/make.js';
import { deployment, goodContainer, yamlDocs } from '../../util/examples.js';
import { containerPorts } from '../../util/pods.js';

export const check = perContainer({
  id: 'privileged-port', title: 'Container port below 1024', category: 'security', severity: 'info', aliases: ['kube-linter:privileged-ports'], needs: [],
  docs: { why: 'Binding a port below 1024 needs root or NET_BIND_SERVICE inside the container; serving on a high port lets it run unprivileged.', fix: 'Listen on a port ≥ 1024 and map it in the Service (port 80 → targetPort 8080).' },
  examples: { fail: yamlDocs(deployment('web', {}, { containers: [goodContainer({ ports: [{ name: 'http', containerPort: 80 }] })] })), pass: yamlDocs(deployment('web')) },
} satisfies CheckMeta, ({ c }) => {
  const low = containerPorts(c).filter((p) => p.containerPort < 1024);
  return low.length ? { message: `container ${c.name} listens on ${low.map((p) => p.containerPort).join(', ')}`, evidence: { ports: low.map((p) => p.containerPort) } } : undefined;
});
