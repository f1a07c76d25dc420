import type { Check, CheckMeta } from '../../check.js';
import type { Finding } from '../../../model/finding.js';
import { apps, diffPatch, label, linkFinding, portsTo, wjLinks } from './shared.js';
import { tmaxStack } from './examples.js';
import { servicesFor, rewriteHost } from './hosts.js';

const meta: CheckMeta = {
  id: 'webtob-jeus-address-unresolved',
  title: 'JEUS connector address is not a WebtoB Service',
  category: 'linkage',
  severity: 'critical',
  aliases: ['WJ-ADDR'],
  needs: [],
  docs: {
    why: 'The connector ip-address must resolve to the WebtoB pods, in Kubernetes through the WebtoB Service DNS name. A name that is no Service (or a Service in front of something else) fails DNS or connects to the wrong pods: connect errors and 503.',
    fix: 'Point <ip-address> at the DNS name of the Service that selects the WebtoB pods.',
  },
  examples: { fail: tmaxStack({ domain: (s) => s.replace('front-jsv.pay.svc', 'frontend.pay.svc') }), pass: tmaxStack() },
};

export const check: Check = {
  meta,
  run({ inv }) {
    const out: Finding[] = [];
    for (const l of wjLinks(inv)) {
      const host = l.connector.host;
      if (!host || l.connector.pipe || !l.res.clusterName) continue;
      // Service exists and selects WebtoB, or selects nothing at all (a selector problem, not an address one).
      if (l.res.service && (l.res.apps.length || !inv.selectPods(l.res.service.ci.namespace, l.res.service.obj.spec?.selector).length)) continue;
      const targets = l.res.service ? apps(inv, 'webtob').filter((w) => w.namespace === l.jeus.namespace) : l.res.apps;
      const target = targets.length === 1 ? targets[0] : undefined;
      const svcs = target ? servicesFor(inv, target) : [];
      const jsv = l.httpm?.view.nodes[0]?.jsvPort;
      const svc = svcs.find((s) => jsv === undefined || portsTo(inv, s, jsv).length) ?? svcs[0];
      const newHost = svc ? rewriteHost(host.value, svc.ci.name, svc.ci.namespace) : undefined;
      out.push(
        linkFinding(meta, {
          cis: [l.jeus.id, target?.id, l.res.service],
          message: l.res.service
            ? `JEUS ${label(l.jeus)} connector '${l.connector.name}' points at Service ${l.res.service.ci.name}, which does not select the WebtoB pods`
            : `JEUS ${label(l.jeus)} connector '${l.connector.name}' points at '${host.value}', which is no Service in namespace ${l.res.namespace}`,
          evidence: { 'jeus.ip-address': host.value, ...(target ? { webtob: label(target) } : {}), ...(svc ? { 'webtob.service': svc.ci.name } : {}) },
          fix: newHost ? `set <ip-address> of '${l.connector.name}' to ${newHost}` : 'point <ip-address> at the Service that selects the WebtoB pods',
          patch: newHost ? diffPatch(l.file, [{ line: host.line, from: host.value, to: newHost }]) : undefined,
          file: l.file,
          line: host.line,
        }),
      );
    }
    return out;
  },
};
