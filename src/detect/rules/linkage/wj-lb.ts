import type { Check, CheckMeta } from '../../check.js';
import type { Finding } from '../../../model/finding.js';
import { label, linkFinding, wjLinks } from './shared.js';
import { tmaxStack, obj } from './examples.js';

const meta: CheckMeta = {
  id: 'webtob-replicas-behind-clusterip',
  title: 'Several WebtoB pods behind one ClusterIP for JEUS connectors',
  category: 'linkage',
  severity: 'warning',
  aliases: ['WJ-LB'],
  needs: [],
  docs: {
    why: 'JEUS opens its worker connections to WebtoB; through a ClusterIP each connection lands on a random WebtoB pod, so every WebtoB gets only a fraction of the workers and some JSV servers may have none (NRDY, 503 on that pod).',
    fix: 'Give each WebtoB pod its own connector (StatefulSet + headless Service, one webtob-connector per pod DNS name), or run one WebtoB per JEUS group.',
  },
  examples: {
    fail: tmaxStack({ k8s: (o) => void (obj(o, 'Deployment', 'front').spec.replicas = 2) }),
    pass: tmaxStack(),
  },
};

export const check: Check = {
  meta,
  run({ inv }) {
    const out: Finding[] = [];
    const seen = new Set<string>();
    for (const l of wjLinks(inv)) {
      const svc = l.res.service;
      if (!l.webtob || !svc || l.webtob.replicas < 2 || l.connector.pipe) continue;
      if (svc.obj.spec?.clusterIP === 'None') continue; // headless: the host may name one pod
      const k = `${l.jeus.id}|${svc.ci.id}`;
      if (seen.has(k)) continue;
      seen.add(k);
      out.push(
        linkFinding(meta, {
          cis: [l.webtob.id, l.jeus.id, svc.ci.id],
          message: `JEUS ${label(l.jeus)} connector '${l.connector.name}' reaches ${l.webtob.replicas} WebtoB pods of ${label(l.webtob)} through ClusterIP Service ${svc.ci.name}: each pod gets a random share of the ${l.connector.threads?.value ?? '?'} worker connection(s)`,
          evidence: { 'webtob.replicas': l.webtob.replicas, service: svc.ci.name, 'service.clusterIP': svc.obj.spec?.clusterIP ?? '(allocated)', 'jeus.threads_per_pod': l.connector.threads?.value },
          fix: `run WebtoB as a StatefulSet behind a headless Service and add one webtob-connector per WebtoB pod (e.g. ${l.webtob.name}-0.${svc.ci.name}.${svc.ci.namespace}.svc.cluster.local), or scale WebtoB to 1`,
          patch: { type: 'kubectl', target: svc.ci.id, content: `# headless Service so each WebtoB pod has its own DNS name\nkubectl -n ${svc.ci.namespace} get service ${svc.ci.name} -o yaml | sed 's/^  clusterIP: .*/  clusterIP: None/' | kubectl replace --force -f -` },
        }),
      );
    }
    return out;
  },
};
