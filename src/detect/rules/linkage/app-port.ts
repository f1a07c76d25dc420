import type { Check, CheckMeta } from '../../check.js';
import type { Finding } from '../../../model/finding.js';
import { apps, diffPatch, filesOf, label, linkFinding } from './shared.js';
import { springPort, servicePorts } from './ports.js';
import { servicesFor } from './hosts.js';
import { springGet } from '../../../collect/middleware/spring.js';
import { ossStack } from './examples.js';

const meta: CheckMeta = {
  id: 'app-port-not-targeted',
  title: 'Application listens on another port than its Service targets',
  category: 'linkage',
  severity: 'critical',
  aliases: ['APP-PORT'],
  needs: [],
  docs: {
    why: 'The Service forwards to the containerPort it targets; if the application (server.port / Connector port) listens elsewhere, every request through the Service is refused: 502 from the web tier.',
    fix: 'Make server.port (or the Connector port) equal the containerPort the Service targets.',
  },
  examples: { fail: ossStack({ app: (s) => s.replace('port: 8080', 'port: 9090') }), pass: ossStack() },
};

export const check: Check = {
  meta,
  run({ inv }) {
    const out: Finding[] = [];
    for (const a of apps(inv).filter((x) => x.product === 'spring' || x.product === 'tomcat')) {
      const port = springPort(a);
      if (port === undefined || !a.workload) continue;
      const targeted = servicesFor(inv, a).flatMap((s) => servicePorts(inv, s).map((p) => ({ s, p }))).filter((x) => x.p.containerPort !== undefined);
      if (!targeted.length || targeted.some((x) => x.p.containerPort === port)) continue;
      const want = targeted[0].p.containerPort!;
      const prop = a.spring ? springGet(a.spring, 'server.port') : undefined;
      let file = prop?.origin === 'file' ? a.files.find((f) => f.parsed.format === 'spring.config' && Object.values(f.parsed.model.props).some((q) => q.key === prop.key && q.line === prop.line)) : undefined;
      let line = prop?.line;
      if (!a.spring) {
        // Standalone Tomcat: the HTTP Connector's port attribute.
        for (const f of filesOf(a, 'tomcat.xml')) {
          const c = f.parsed.model.connectors.find((x) => x.port?.value === port);
          if (c?.port) {
            file = f;
            line = c.port.line;
            break;
          }
        }
      }
      out.push(
        linkFinding(meta, {
          cis: [a.id, targeted[0].s, a.workload],
          message: `${a.product} ${label(a)} listens on ${port}${prop ? ` (server.port from ${prop.origin})` : ' (default)'}, but Service ${targeted[0].s.ci.name} forwards to container port ${targeted.map((x) => x.p.containerPort).join(', ')}`,
          evidence: { 'app.port': port, origin: prop?.origin ?? 'default', [`service.${targeted[0].s.ci.name}.targetPorts`]: targeted.map((x) => x.p.containerPort) },
          fix: `set ${a.spring ? 'server.port' : 'the Connector port'} to ${want}${prop && prop.origin !== 'file' ? ` (${prop.origin})` : ''}, or make the container port and Service targetPort ${port}`,
          patch: file && line ? diffPatch(file, [{ line, from: String(port), to: String(want) }]) : undefined,
          file,
          line,
        }),
      );
    }
    return out;
  },
};
