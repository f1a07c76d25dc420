import type { Check, CheckMeta } from '../../check.js';
import { diffPatch, label, linkFinding, wjLinks } from './shared.js';
import { tmaxStack } from './examples.js';
import { closest } from './util.js';

const meta: CheckMeta = {
  id: 'webtob-jeus-registration-id-mismatch',
  title: 'JEUS registration-id names no WebtoB JSV server',
  category: 'linkage',
  severity: 'critical',
  aliases: ['WJ-REGID', 'linkage-registration-id-mismatch'],
  needs: [],
  docs: {
    why: 'WebtoB accepts JEUS worker connections only for a *SERVER entry whose SVGNAME group has SVRTYPE = JSV, matched by the registration-id JEUS sends. Any other id leaves the JSV server NRDY (503).',
    fix: 'Set <registration-id> to the exact *SERVER name of the JSV server group.',
  },
  examples: { fail: tmaxStack({ domain: (s) => s.replace('<registration-id>paysvr<', '<registration-id>pay_svr<') }), pass: tmaxStack() },
};

export const check: Check = {
  meta,
  run({ inv }) {
    return wjLinks(inv).flatMap((l) => {
      const reg = l.connector.registrationId;
      const names = l.httpm?.view.jsvServers.map((s) => s.name) ?? [];
      if (!l.webtob || !reg || !names.length || names.includes(reg.value)) return [];
      const want = closest(reg.value, names)!;
      return [
        linkFinding(meta, {
          cis: [l.jeus.id, l.webtob.id],
          message: `JEUS ${label(l.jeus)} connector '${l.connector.name}' registers as '${reg.value}', but the JSV servers of WebtoB ${label(l.webtob)} are: ${names.join(', ')}`,
          evidence: { 'webtob.jsv_servers': names, 'jeus.registration-id': reg.value, connector: `${l.connector.server}/${l.connector.name}` },
          fix: `set <registration-id> to '${want}' (the *SERVER name whose SVGNAME group has SVRTYPE = JSV)`,
          patch: diffPatch(l.file, [{ line: reg.line, from: reg.value, to: want }]),
          file: l.file,
          line: reg.line,
        }),
      ];
    });
  },
};
