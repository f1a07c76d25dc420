import type { Check, CheckMeta } from '../../check.js';
import { diffPatch, label, linkFinding, naLinks } from './shared.js';
import { servicePorts, springPort } from './ports.js';
import { ossStack } from './examples.js';

const meta: CheckMeta = {
  id: 'nginx-upstream-port-mismatch',
  title: 'nginx upstream port is not a port of the Service',
  category: 'linkage',
  severity: 'critical',
  aliases: ['NA-UPSTREAM-PORT', 'linkage-port-mismatch'],
  needs: [],
  docs: {
    why: 'nginx connects to the Service port written in the upstream server line; a port the Service does not define is refused (IPVS) or times out (iptables): 502/504 while every pod is Ready.',
    fix: 'Use the Service port (or add the port to the Service).',
  },
  examples: { fail: ossStack({ nginx: (s) => s.replace('.cluster.local:80;', '.cluster.local:8080;') }), pass: ossStack() },
};

export const check: Check = {
  meta,
  run({ inv }) {
    return naLinks(inv).flatMap((l) => {
      const svc = l.res.service;
      if (!svc || l.port === undefined) return [];
      const ports = servicePorts(inv, svc);
      if (!ports.length || ports.some((p) => p.port === l.port)) return [];
      const appPort = l.backend ? springPort(l.backend) : undefined;
      const want = (appPort !== undefined ? ports.find((p) => p.containerPort === appPort) : undefined) ?? ports[0];
      return [
        linkFinding(meta, {
          cis: [l.nginx.id, svc.ci.id, l.backend?.id],
          message: `nginx ${label(l.nginx)}${l.upstream ? ` upstream ${l.upstream}` : ''} connects to ${l.address}, but Service ${svc.ci.namespace}/${svc.ci.name} exposes port ${ports.map((p) => p.port).join(', ')}`,
          evidence: { 'nginx.upstream': l.address, [`service.${svc.ci.name}.ports`]: ports.map((p) => p.port) },
          fix: `use port ${want.port} in the upstream server line (or add port ${l.port} to Service ${svc.ci.name})`,
          patch: diffPatch(l.file, [{ line: l.line, from: `${l.host}:${l.port}`, to: `${l.host}:${want.port}` }]),
          file: l.file,
          line: l.line,
        }),
      ];
    });
  },
};
