import type { Check, CheckMeta } from '../../check.js';
import { diffPatch, label, linkFinding, portsTo, jtLinks } from './shared.js';
import { tmaxStack } from './examples.js';

const meta: CheckMeta = {
  id: 'jeus-tibero-port-mismatch',
  title: 'JEUS data source port does not reach the Tibero listener',
  category: 'linkage',
  severity: 'critical',
  aliases: ['JT-PORT', 'datasource-port-mismatch'],
  needs: [],
  docs: {
    why: 'The data source port-number must be the Tibero Service port that forwards to LISTENER_PORT; any other port is refused or times out (TBR-2131 / connection refused) and every page touching the DB fails.',
    fix: 'Set <port-number> of the data source to the Tibero Service port forwarding to LISTENER_PORT.',
  },
  examples: { fail: tmaxStack({ domain: (s) => s.replace('<port-number>8629<', '<port-number>8639<') }), pass: tmaxStack() },
};

export const check: Check = {
  meta,
  run({ inv }) {
    return jtLinks(inv).flatMap((l) => {
      const lp = l.tip?.params.listenerPort?.value;
      const port = l.ds.portNumber;
      if (!l.tibero || lp === undefined || !port) return [];
      const expected = l.res.service ? portsTo(inv, l.res.service, lp).map((p) => p.port) : [lp];
      if (!expected.length || expected.includes(port.value)) return [];
      const want = expected[0];
      return [
        linkFinding(meta, {
          cis: [l.jeus.id, l.tibero.id, l.res.service],
          message: `JEUS ${label(l.jeus)} data source ${l.ds.id} connects to port ${port.value}, but Tibero ${label(l.tibero)} listens on LISTENER_PORT ${lp}${l.res.service ? ` (Service ${l.res.service.ci.name} port ${want})` : ''}`,
          evidence: { [`jeus.${l.ds.id}.port-number`]: port.value, 'tibero.LISTENER_PORT': lp, ...(l.res.service ? { [`service.${l.res.service.ci.name}.port`]: want } : {}) },
          fix: `set <port-number> of ${l.ds.id} to ${want}`,
          patch: diffPatch(l.file, [{ line: port.line, from: String(port.value), to: String(want) }]),
          file: l.file,
          line: port.line,
        }),
      ];
    });
  },
};
