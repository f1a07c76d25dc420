import type { Check, CheckMeta } from '../../check.js';
import type { Finding } from '../../../model/finding.js';
import { diffPatch, label, linkFinding, naLinks } from './shared.js';
import { servicesFor, rewriteHost } from './hosts.js';
import { closest } from './util.js';
import { ossStack } from './examples.js';

const meta: CheckMeta = {
  id: 'nginx-upstream-host-unknown',
  title: 'nginx upstream host is not a Service',
  category: 'linkage',
  severity: 'critical',
  aliases: ['NA-UPSTREAM-HOST'],
  needs: [],
  docs: {
    why: 'nginx resolves upstream host names when it starts; a cluster name that is no Service fails with "host not found in upstream" and nginx exits (CrashLoopBackOff).',
    fix: 'Use the name of the Service in front of the backend pods.',
  },
  examples: { fail: ossStack({ nginx: (s) => s.replace('server orders-http.pay', 'server backend.pay') }), pass: ossStack() },
};

export const check: Check = {
  meta,
  run({ inv }) {
    const out: Finding[] = [];
    for (const l of naLinks(inv)) {
      if (l.res.service || !l.res.clusterName) continue;
      const target = l.res.apps.length === 1 ? l.res.apps[0] : undefined;
      const svcNames = inv.byKind('Service').filter((s) => s.ci.namespace === l.res.namespace).map((s) => s.ci.name);
      const svc = target ? servicesFor(inv, target)[0] : undefined;
      const name = svc?.ci.name ?? closest(l.host.split('.')[0], svcNames);
      const newHost = name ? rewriteHost(l.host, name, l.res.namespace) : undefined;
      out.push(
        linkFinding(meta, {
          cis: [l.nginx.id, target?.id, svc],
          message: `nginx ${label(l.nginx)}${l.upstream ? ` upstream ${l.upstream}` : ''} uses host ${l.host}, but there is no Service '${l.host.split('.')[0]}' in namespace ${l.res.namespace}: nginx exits with "host not found in upstream"`,
          evidence: { 'nginx.upstream': l.address, services: svcNames },
          fix: newHost ? `use ${newHost} in the upstream server line` : 'use the name of the Service in front of the backend',
          patch: newHost ? diffPatch(l.file, [{ line: l.line, from: l.host, to: newHost }]) : undefined,
          file: l.file,
          line: l.line,
        }),
      );
    }
    return out;
  },
};
