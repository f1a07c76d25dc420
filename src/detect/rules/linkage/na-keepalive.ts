import type { Check, CheckMeta } from '../../check.js';
import type { Finding } from '../../../model/finding.js';
import { apps, diffPatch, label, linkFinding, naLinks, nginxOf } from './shared.js';
import { springGet } from '../../../collect/middleware/spring.js';
import { ossStack } from './examples.js';

const meta: CheckMeta = {
  id: 'nginx-keepalive-exceeds-connections',
  title: 'nginx keep-alive connections exceed the Tomcat connection limit',
  category: 'linkage',
  severity: 'warning',
  aliases: ['NA-KEEPALIVE'],
  needs: [],
  docs: {
    why: 'Each nginx worker of each replica keeps up to `keepalive` idle connections per upstream; Tomcat accepts at most maxConnections (server.tomcat.max-connections, NIO default 8192). Beyond that new connections queue or are refused.',
    fix: 'Lower keepalive or raise Tomcat maxConnections.',
  },
  examples: { fail: ossStack({ nginx: (s) => s.replace('keepalive 8;', 'keepalive 400;') }), pass: ossStack() },
};

function maxConnections(a: ReturnType<typeof apps>[number]): number | undefined {
  if (a.spring) {
    const p = springGet(a.spring, 'server.tomcat.max-connections');
    return p ? (/^\d+$/.test(p.value) ? Number(p.value) : undefined) : 8192;
  }
  for (const f of a.files) if (f.parsed.format === 'tomcat.xml') return f.parsed.model.connectors[0]?.maxConnections ?? 8192;
  return undefined;
}

export const check: Check = {
  meta,
  run({ inv }) {
    const out: Finding[] = [];
    const links = naLinks(inv);
    for (const ng of apps(inv, 'nginx')) {
      const n = nginxOf(ng);
      if (!n) continue;
      const workers = n.view.workerProcesses ?? 1;
      for (const u of n.view.upstreams) {
        if (!u.keepalive) continue;
        const backend = links.find((l) => l.nginx === ng && l.upstream === u.name && l.backend)?.backend;
        const maxConn = backend && maxConnections(backend);
        if (!backend || !maxConn) continue;
        const total = u.keepalive.value * workers * ng.replicas;
        if (total <= maxConn) continue;
        const want = Math.max(1, Math.floor(maxConn / (workers * ng.replicas)));
        out.push(
          linkFinding(meta, {
            cis: [ng.id, backend.id],
            message: `nginx ${label(ng)} upstream ${u.name}: keepalive ${u.keepalive.value} × ${workers} workers × ${ng.replicas} pods = ${total} idle connections, Tomcat of ${label(backend)} accepts ${maxConn}`,
            evidence: { keepalive: u.keepalive.value, worker_processes: workers, replicas: ng.replicas, total, 'tomcat.maxConnections': maxConn },
            fix: `set keepalive ${want} in upstream ${u.name} (or raise server.tomcat.max-connections)`,
            patch: diffPatch(n.file, [{ line: u.keepalive.line, from: String(u.keepalive.value), to: String(want) }]),
            file: n.file,
            line: u.keepalive.line,
          }),
        );
      }
    }
    return out;
  },
};
