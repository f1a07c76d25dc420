import type { Check, CheckMeta } from '../../check.js';
import type { Finding } from '../../../model/finding.js';
import { apps, diffPatch, label, linkFinding, webtobOf } from './shared.js';
import { tmaxStack } from './examples.js';

const meta: CheckMeta = {
  id: 'webtob-node-name-not-hostname',
  title: 'WebtoB *NODE name is not the pod host name',
  category: 'linkage',
  severity: 'critical',
  aliases: ['WJ-NODENAME'],
  needs: [],
  docs: {
    why: 'WebtoB only boots when a *NODE entry is named like the host (uname -n). In a pod the host name is spec.hostname, else the pod name (random for a Deployment, <name>-<n> for a StatefulSet): a mismatch ends in CrashLoopBackOff.',
    fix: 'Set spec.hostname of the pod template to the *NODE name (or rename the *NODE entry to the fixed host name).',
  },
  examples: { fail: tmaxStack({ httpm: (s) => s.replace('\nfront   WEBTOBDIR', '\nweb01   WEBTOBDIR') }), pass: tmaxStack() },
};

export const check: Check = {
  meta,
  run({ inv }) {
    const out: Finding[] = [];
    for (const a of apps(inv, 'webtob')) {
      const w = webtobOf(a);
      if (!w || !a.template || !w.view.nodes.length || a.template.isPod) continue;
      const nodes = w.view.nodes.map((n) => n.name);
      const hostname: string | undefined = a.template.spec.hostname;
      const kind = a.template.owner.ci.kind;
      const hosts = hostname ? [hostname] : kind === 'StatefulSet' ? Array.from({ length: Math.max(1, a.replicas) }, (_, i) => `${a.template!.owner.ci.name}-${i}`) : [];
      if (hosts.length && hosts.every((h) => nodes.includes(h))) continue;
      const node = w.view.nodes[0];
      if (hostname) {
        out.push(
          linkFinding(meta, {
            cis: [a.id, a.workload],
            message: `WebtoB ${label(a)}: *NODE ${nodes.join(', ')} but the pod host name is '${hostname}' (spec.hostname): WebtoB will not boot`,
            evidence: { 'webtob.NODE': nodes, 'pod.hostname': hostname },
            fix: `rename the *NODE entry '${node.name}' to '${hostname}' (then recompile with wscfl), or set spec.hostname to '${node.name}'`,
            patch: diffPatch(w.file, [{ line: node.line, from: node.name, to: hostname }]),
            file: w.file,
            line: node.line,
          }),
        );
      } else {
        out.push(
          linkFinding(meta, {
            cis: [a.id, a.workload],
            message: `WebtoB ${label(a)}: *NODE ${nodes.join(', ')} but ${kind} ${a.template.owner.ci.name} sets no spec.hostname, so the pod host name is ${hosts.length ? hosts.join(', ') : 'the generated pod name'}: WebtoB will not boot`,
            evidence: { 'webtob.NODE': nodes, 'pod.hostname': hosts.length ? hosts : '(generated pod name)' },
            fix: `set spec.template.spec.hostname: ${node.name} in ${kind} ${a.template.owner.ci.name}`,
            patch: { type: 'merge', target: a.template.owner.ci.id, content: JSON.stringify({ spec: { template: { spec: { hostname: node.name } } } }) },
          }),
        );
      }
    }
    return out;
  },
};
