import type { Check, CheckMeta } from '../../check.js';
import { diffPatch, label, linkFinding, wjLinks } from './shared.js';
import { tmaxStack } from './examples.js';

const meta: CheckMeta = {
  id: 'webtob-jeus-hth-mismatch',
  title: 'JEUS hth-count differs from WebtoB HTH',
  category: 'linkage',
  severity: 'warning',
  aliases: ['WJ-HTH'],
  needs: [],
  docs: {
    why: 'JEUS spreads its connector threads over the WebtoB HTH (HTTP handler) processes it expects; when hth-count differs from *NODE HTH some handlers get no workers or the attachment is uneven (inferred from the TmaxSoft connector documentation).',
    fix: 'Set <hth-count> of the connector to the *NODE HTH value.',
  },
  examples: { fail: tmaxStack({ domain: (s) => s.replace('<hth-count>1<', '<hth-count>2<') }), pass: tmaxStack() },
};

export const check: Check = {
  meta,
  run({ inv }) {
    return wjLinks(inv).flatMap((l) => {
      const hth = l.httpm?.view.nodes.find((n) => n.hth !== undefined)?.hth;
      const c = l.connector.hthCount;
      if (!l.webtob || hth === undefined || !c || c.value === hth) return [];
      return [
        linkFinding(meta, {
          cis: [l.jeus.id, l.webtob.id],
          message: `JEUS ${label(l.jeus)} connector '${l.connector.name}' has hth-count ${c.value}, WebtoB ${label(l.webtob)} runs HTH = ${hth}`,
          evidence: { 'webtob.HTH': hth, 'jeus.hth-count': c.value },
          fix: `set <hth-count> of '${l.connector.name}' to ${hth}`,
          patch: diffPatch(l.file, [{ line: c.line, from: String(c.value), to: String(hth) }]),
          file: l.file,
          line: c.line,
        }),
      ];
    });
  },
};
