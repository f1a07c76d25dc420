import type { Check, CheckMeta } from '../../check.js';
import type { Finding } from '../../../model/finding.js';
import { apps, diffPatch, label, linkFinding, jtLinks } from './shared.js';
import { tmaxStack } from './examples.js';
import { servicesFor, rewriteHost } from './hosts.js';

const meta: CheckMeta = {
  id: 'jeus-tibero-host-unresolved',
  title: 'JEUS data source server-name is not the Tibero Service',
  category: 'linkage',
  severity: 'critical',
  aliases: ['JT-HOST'],
  needs: [],
  docs: {
    why: 'server-name must be the DNS name of the Service selecting the Tibero pods; another name fails DNS (UnknownHostException) or reaches the wrong pods (TBR-2131).',
    fix: 'Set <server-name> to the Tibero Service DNS name.',
  },
  examples: { fail: tmaxStack({ domain: (s) => s.replace('<server-name>ledger<', '<server-name>ledger-db<') }), pass: tmaxStack() },
};

export const check: Check = {
  meta,
  run({ inv }) {
    const out: Finding[] = [];
    for (const l of jtLinks(inv)) {
      const host = l.ds.serverName;
      if (!host || !l.res.clusterName) continue;
      if (l.res.service && (l.res.apps.length || !inv.selectPods(l.res.service.ci.namespace, l.res.service.obj.spec?.selector).length)) continue;
      const targets = l.res.service ? apps(inv, 'tibero').filter((t) => t.namespace === l.jeus.namespace) : l.res.apps;
      const target = targets.length === 1 ? targets[0] : undefined;
      const svc = target ? servicesFor(inv, target)[0] : undefined;
      const newHost = svc ? rewriteHost(host.value, svc.ci.name, svc.ci.namespace) : undefined;
      out.push(
        linkFinding(meta, {
          cis: [l.jeus.id, target?.id, l.res.service],
          message: l.res.service
            ? `JEUS ${label(l.jeus)} data source ${l.ds.id} points at Service ${l.res.service.ci.name}, which does not select the Tibero pods`
            : `JEUS ${label(l.jeus)} data source ${l.ds.id} points at '${host.value}', which is no Service in namespace ${l.res.namespace}`,
          evidence: { [`jeus.${l.ds.id}.server-name`]: host.value, ...(svc ? { 'tibero.service': svc.ci.name } : {}) },
          fix: newHost ? `set <server-name> of ${l.ds.id} to ${newHost}` : 'point <server-name> at the Service that selects the Tibero pods',
          patch: newHost ? diffPatch(l.file, [{ line: host.line, from: host.value, to: newHost }]) : undefined,
          file: l.file,
          line: host.line,
        }),
      );
    }
    return out;
  },
};
