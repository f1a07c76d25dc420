import type { CheckMeta } from '../../check.js';
import { perContainer } from '../../util/make.js';
import type { FindingInput } from '../../util/finding.js';
import { deployment, goodContainer, yamlDocs } from '../../util/examples.js';

const meta: CheckMeta = {
  id: 'container-port-invalid',
  title: 'Invalid container port definition',
  category: 'workload',
  severity: 'warning',
  aliases: ['kube-score:container-ports-check', 'kube-linter:invalid-target-ports'],
  needs: [],
  docs: {
    why: 'Port names longer than 15 characters or not IANA_SVC_NAME syntax are rejected by the API server; duplicate names make named targetPorts ambiguous; a port without containerPort is meaningless.',
    fix: 'Give each port a unique lower-case name of at most 15 characters and a containerPort in 1-65535.',
  },
  examples: {
    fail: yamlDocs(deployment('web', {}, { containers: [goodContainer({ ports: [{ name: 'http', containerPort: 8080 }, { name: 'http', containerPort: 8081 }, { name: 'a-very-long-port-name', containerPort: 9000 }] })] })),
    pass: yamlDocs(deployment('web')),
  },
};

export const check = perContainer(meta, ({ c }) => {
  const out: FindingInput[] = [];
  const names = new Set<string>();
  for (const p of Array.isArray(c.ports) ? c.ports : []) {
    const n = Number(p?.containerPort);
    if (!Number.isInteger(n) || n < 1 || n > 65535) out.push({ message: `container ${c.name} has a port without a valid containerPort (${p?.containerPort})`, evidence: { port: p } });
    if (p?.name !== undefined) {
      const name = String(p.name);
      if (name.length > 15 || !/^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/.test(name) || !/[a-z]/.test(name)) out.push({ message: `container ${c.name} port name "${name}" is invalid (max 15 chars, lower-case letters, digits, '-')`, evidence: { name } });
      if (names.has(name)) out.push({ message: `container ${c.name} declares port name "${name}" twice`, evidence: { name } });
      names.add(name);
    }
  }
  return out;
}, { init: true });
