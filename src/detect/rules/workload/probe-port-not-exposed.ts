import type { CheckMeta } from '../../check.js';
import { perContainer } from '../../util/make.js';
import { containerPatch } from '../../util/patch.js';
import type { FindingInput } from '../../util/finding.js';
import { deployment, goodContainer, yamlDocs } from '../../util/examples.js';
import { containerPorts, PROBES, probePort, resolvePort } from '../../util/pods.js';

const meta: CheckMeta = {
  id: 'probe-port-not-exposed',
  title: 'Probe targets a port the container does not expose',
  category: 'workload',
  severity: 'critical',
  aliases: ['K8S-READINESS', 'kube-linter:liveness-port', 'kube-linter:readiness-port', 'kube-linter:startup-port'],
  needs: [],
  docs: {
    why: 'A probe on a port name the container does not define can never succeed (the kubelet cannot resolve it): readiness never passes, the pod never gets endpoints, liveness restarts it in a loop. A numeric port that is not declared usually means the probe and the server disagree.',
    fix: 'Point the probe at a port the container declares and listens on (prefer the port name, e.g. `port: http`).',
  },
  examples: {
    fail: yamlDocs(deployment('web', {}, { containers: [goodContainer({ readinessProbe: { httpGet: { path: '/ready', port: 'metrics' } } })] })),
    pass: yamlDocs(deployment('web'), deployment('legacy', {}, { containers: [goodContainer({ ports: undefined, readinessProbe: { tcpSocket: { port: 9000 } }, livenessProbe: { tcpSocket: { port: 9000 } } })] })),
  },
};

export const check = perContainer(meta, ({ c, tpl, list }) => {
  const out: FindingInput[] = [];
  for (const p of PROBES) {
    const port = probePort(c[p]);
    if (port === undefined || resolvePort(c, port)) continue;
    const declared = containerPorts(c);
    const named = typeof port === 'string' && !/^\d+$/.test(port);
    // An undeclared numeric port may still be served (declaring ports is informational): warn only if the
    // container declares other ports, so the mismatch is visible.
    if (!named && !declared.length) continue;
    out.push({
      severity: named ? 'critical' : 'warning',
      message: `${p} of container ${c.name} targets port ${port}, which the container does not ${named ? 'define' : 'declare'} (ports: ${declared.map((d) => d.name ? `${d.name}/${d.containerPort}` : d.containerPort).join(', ') || 'none'})`,
      evidence: { probe: p, port, containerPorts: declared },
      patch: declared.length === 1 && (c[p].httpGet || c[p].tcpSocket || c[p].grpc) ? containerPatch(tpl, list, c.name, { [p]: { ...c[p], ...(c[p].httpGet ? { httpGet: { ...c[p].httpGet, port: declared[0].name ?? declared[0].containerPort } } : c[p].tcpSocket ? { tcpSocket: { ...c[p].tcpSocket, port: declared[0].name ?? declared[0].containerPort } } : { grpc: { ...c[p].grpc, port: declared[0].containerPort } }) } }) : undefined,
      fix: `Set ${p} port to one of ${declared.map((d) => d.name ?? d.containerPort).join(', ') || 'the ports the container serves'}, or declare the port on the container.`,
    });
  }
  return out;
}, { init: true });
