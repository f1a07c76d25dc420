import type { Check, CheckMeta } from '../../check.js';
import type { Finding } from '../../../model/finding.js';
import { diffPatch, label, linkFinding, wjLinks, type WjLink } from './shared.js';
import { tmaxStack } from './examples.js';

const meta: CheckMeta = {
  id: 'webtob-jeus-threads-exceed-maxproc',
  title: 'JEUS connector threads over all pods exceed WebtoB MaxProc',
  category: 'linkage',
  severity: 'warning',
  aliases: ['WJ-THREADS', 'linkage-thread-count-exceeds-maxproc'],
  needs: [],
  docs: {
    why: 'Each JEUS connector thread holds one connection to a WebtoB server slot; a *SERVER accepts at most MaxProc of them. Threads beyond that (summed over every JEUS pod) are refused and retried: capacity is lost and requests queue in WebtoB under load.',
    fix: 'Lower thread-pool/number so that number × JEUS replicas ≤ MaxProc, or raise MinProc/MaxProc of the server and recompile with wscfl.',
  },
  examples: { fail: tmaxStack({ domain: (s) => s.replace('<number>5</number>', '<number>8</number>') }), pass: tmaxStack() },
};

export const check: Check = {
  meta,
  run({ inv }) {
    const groups = new Map<string, WjLink[]>();
    for (const l of wjLinks(inv)) {
      if (!l.webtob || !l.connector.registrationId || !l.connector.threads) continue;
      const k = `${l.webtob.id}|${l.connector.registrationId.value}`;
      groups.set(k, [...(groups.get(k) ?? []), l]);
    }
    const out: Finding[] = [];
    for (const links of groups.values()) {
      const l0 = links[0];
      const srv = l0.httpm?.view.jsvServers.find((s) => s.name === l0.connector.registrationId!.value);
      if (!srv?.maxProc) continue;
      const total = links.reduce((s, l) => s + l.connector.threads!.value * l.jeus.replicas, 0);
      if (total <= srv.maxProc) continue;
      const per = l0.connector.threads!.value;
      const reps = l0.jeus.replicas;
      const want = Math.max(1, Math.floor(srv.maxProc / links.reduce((s, l) => s + l.jeus.replicas, 0)));
      out.push(
        linkFinding(meta, {
          cis: [l0.webtob!.id, ...links.map((l) => l.jeus.id), ...links.map((l) => l.jeus.workload)],
          message: `${links.map((l) => `${l.connector.threads!.value} threads × ${l.jeus.replicas} pod(s) of JEUS ${label(l.jeus)}`).join(' + ')} = ${total} connections, but WebtoB ${label(l0.webtob!)} server '${srv.name}' accepts MaxProc = ${srv.maxProc}`,
          evidence: { [`webtob.${srv.name}.MaxProc`]: srv.maxProc, 'jeus.threads_per_pod': per, 'jeus.replicas': reps, total },
          fix: `set thread-pool/number to ${want} (${srv.maxProc} / ${reps} replicas) or raise MinProc/MaxProc of ${srv.name} to ${total} and recompile with wscfl`,
          patch: diffPatch(l0.file, [{ line: l0.connector.threads!.line, from: String(per), to: String(want) }]),
          file: l0.file,
          line: l0.connector.threads!.line,
        }),
      );
    }
    return out;
  },
};
