import type { Check, CheckMeta } from '../../check.js';
import { diffPatch, label, linkFinding, portsTo, wjLinks } from './shared.js';
import { tmaxStack } from './examples.js';

const meta: CheckMeta = {
  id: 'webtob-jeus-port-mismatch',
  title: 'JEUS WebtoB connector port does not reach WebtoB JSVPORT',
  category: 'linkage',
  severity: 'critical',
  aliases: ['WJ-PORT', 'linkage-port-mismatch'],
  needs: [],
  docs: {
    why: 'JEUS worker threads open their connections to WebtoB on the JSVPORT of its *NODE (through the WebtoB Service in Kubernetes). A connector pointed at another port never registers, so the JSV server stays NRDY and WebtoB answers 503.',
    fix: 'Set <network-address><port> of the webtob-connector to the Service port that forwards to JSVPORT (or change JSVPORT, the Service and the NetworkPolicy together).',
  },
  examples: { fail: tmaxStack({ domain: (s) => s.replace('<port>9900</port>', '<port>9999</port>') }), pass: tmaxStack() },
};

export const check: Check = {
  meta,
  run({ inv }) {
    return wjLinks(inv).flatMap((l) => {
      const node = l.httpm?.view.nodes.find((n) => n.jsvPort !== undefined);
      const port = l.connector.port;
      if (!l.webtob || !node || !port || l.connector.pipe) return [];
      const jsv = node.jsvPort!;
      const expected = l.res.service ? portsTo(inv, l.res.service, jsv).map((p) => p.port) : [jsv];
      if (!expected.length || expected.includes(port.value)) return []; // no Service port at all: webtob-jsv-port-not-exposed
      const want = expected[0];
      const via = l.res.service ? ` (Service ${l.res.service.ci.name} port ${want} → JSVPORT ${jsv})` : '';
      return [
        linkFinding(meta, {
          cis: [l.jeus.id, l.webtob.id, l.res.service],
          message: `JEUS ${label(l.jeus)} connector '${l.connector.name}' connects to port ${port.value}, but WebtoB ${label(l.webtob)} listens for JEUS on JSVPORT ${jsv}${via}`,
          evidence: { 'webtob.JSVPORT': jsv, 'jeus.webtob-connector.port': port.value, connector: `${l.connector.server}/${l.connector.name}`, ...(l.res.service ? { service: l.res.service.ci.name, 'service.ports': expected } : {}) },
          fix: `set <network-address><port> of webtob-connector '${l.connector.name}' to ${want} (or change JSVPORT, the Service port and the NetworkPolicy together)`,
          patch: diffPatch(l.file, [{ line: port.line, from: String(port.value), to: String(want) }]),
          file: l.file,
          line: port.line,
        }),
      ];
    });
  },
};
