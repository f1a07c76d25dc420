import type { Check, CheckMeta } from '../../check.js';
import type { Finding } from '../../../model/finding.js';
import { label, linkFinding, portsTo, wjLinks } from './shared.js';
import { tmaxStack, obj } from './examples.js';

const meta: CheckMeta = {
  id: 'webtob-jsv-port-not-exposed',
  title: 'WebtoB Service does not forward to JSVPORT',
  category: 'linkage',
  severity: 'critical',
  aliases: ['WJ-SVCPORT'],
  needs: [],
  docs: {
    why: 'JEUS reaches WebtoB through a Service; if no port of that Service forwards to the WebtoB container port JSVPORT, every connector attempt is refused and the JSV server stays NRDY (503).',
    fix: 'Add a Service port (and container port) that forwards to JSVPORT.',
  },
  examples: {
    fail: tmaxStack({ k8s: (o) => void (obj(o, 'Service', 'front-jsv').spec.ports = [{ name: 'http', port: 8080, targetPort: 8080 }]) }),
    pass: tmaxStack(),
  },
};

export const check: Check = {
  meta,
  run({ inv }) {
    const seen = new Set<string>();
    const out: Finding[] = [];
    for (const l of wjLinks(inv)) {
      const jsv = l.httpm?.view.nodes.find((n) => n.jsvPort !== undefined)?.jsvPort;
      const svc = l.res.service;
      if (!l.webtob || !svc || jsv === undefined || l.connector.pipe || seen.has(svc.ci.id)) continue;
      seen.add(svc.ci.id);
      if (portsTo(inv, svc, jsv).length) continue;
      const ports = ((svc.obj.spec?.ports ?? []) as Array<{ port: number; targetPort?: unknown }>).map((p) => `${p.port}→${String(p.targetPort ?? p.port)}`);
      out.push(
        linkFinding(meta, {
          cis: [svc.ci.id, l.webtob.id, l.jeus.id],
          message: `Service ${svc.ci.namespace}/${svc.ci.name}, used by JEUS ${label(l.jeus)} to reach WebtoB ${label(l.webtob)}, has no port forwarding to JSVPORT ${jsv} (ports: ${ports.join(', ') || 'none'})`,
          evidence: { service: svc.ci.name, 'service.ports': ports, 'webtob.JSVPORT': jsv },
          fix: `add port ${jsv} (targetPort ${jsv}) to Service ${svc.ci.name} and containerPort ${jsv} to the WebtoB container`,
          patch: { type: 'kubectl', target: svc.ci.id, content: `kubectl -n ${svc.ci.namespace} patch service ${svc.ci.name} --type=json -p '[{"op":"add","path":"/spec/ports/-","value":{"name":"jsv","port":${jsv},"targetPort":${jsv}}}]'` },
        }),
      );
    }
    return out;
  },
};
