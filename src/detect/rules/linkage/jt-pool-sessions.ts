import type { Check, CheckMeta } from '../../check.js';
import type { Finding } from '../../../model/finding.js';
import { diffPatch, label, linkFinding, jtLinks, num, type JtLink } from './shared.js';
import { tmaxStack } from './examples.js';

const meta: CheckMeta = {
  id: 'jeus-pool-exceeds-tibero-sessions',
  title: 'JEUS pools over all pods exceed Tibero MAX_SESSION_COUNT',
  category: 'linkage',
  severity: 'warning',
  aliases: ['JT-POOL-SESSIONS'],
  needs: [],
  docs: {
    why: 'Every JEUS pod opens up to pooling/max sessions; summed over pods (and data sources) this must stay below MAX_SESSION_COUNT with room for administration, or new sessions are refused under load.',
    fix: 'Lower pooling/max so that max × JEUS replicas ≤ MAX_SESSION_COUNT − headroom, or raise MAX_SESSION_COUNT (and Tibero memory).',
  },
  examples: { fail: tmaxStack({ domain: (s) => s.replace('<max>20</max>', '<max>60</max>') }), pass: tmaxStack() },
};

export const check: Check = {
  meta,
  run({ inv, options }) {
    const headroom = num(options.sessionHeadroom) ?? 5;
    const groups = new Map<string, JtLink[]>();
    for (const l of jtLinks(inv)) if (l.tibero && l.ds.poolMax && l.tip?.params.maxSessionCount) groups.set(l.tibero.id, [...(groups.get(l.tibero.id) ?? []), l]);
    const out: Finding[] = [];
    for (const links of groups.values()) {
      const l0 = links[0];
      const max = l0.tip!.params.maxSessionCount!.value;
      const limit = max - headroom;
      const total = links.reduce((s, l) => s + l.ds.poolMax!.value * l.jeus.replicas, 0);
      if (total <= limit) continue;
      const reps = links.reduce((s, l) => s + l.jeus.replicas, 0);
      const want = Math.max(1, Math.floor(limit / reps));
      out.push(
        linkFinding(meta, {
          cis: [l0.jeus.id, l0.tibero!.id, ...links.map((l) => l.jeus.id)],
          message: `${links.map((l) => `pool max ${l.ds.poolMax!.value} × ${l.jeus.replicas} pod(s) of JEUS ${label(l.jeus)} (${l.ds.id})`).join(' + ')} = ${total} sessions, but Tibero ${label(l0.tibero!)} allows MAX_SESSION_COUNT ${max} (keeping ${headroom} for administration)`,
          evidence: { [`jeus.${l0.ds.id}.pooling.max`]: l0.ds.poolMax!.value, 'jeus.replicas': l0.jeus.replicas, total, 'tibero.MAX_SESSION_COUNT': max, headroom },
          fix: `set pooling/max of ${l0.ds.id} to ${want} (${limit} / ${reps} pods) or raise MAX_SESSION_COUNT to ≥ ${total + headroom}`,
          patch: diffPatch(l0.file, [{ line: l0.ds.poolMax!.line, from: String(l0.ds.poolMax!.value), to: String(want) }]),
          file: l0.file,
          line: l0.ds.poolMax!.line,
        }),
      );
    }
    return out;
  },
};
