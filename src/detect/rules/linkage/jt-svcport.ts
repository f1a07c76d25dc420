import type { Check, CheckMeta } from '../../check.js';
import type { Finding } from '../../../model/finding.js';
import { label, linkFinding, portsTo, jtLinks } from './shared.js';
import { tmaxStack, obj } from './examples.js';

const meta: CheckMeta = {
  id: 'tibero-service-port-mismatch',
  title: 'Tibero Service does not forward to LISTENER_PORT',
  category: 'linkage',
  severity: 'critical',
  aliases: ['JT-SVCPORT'],
  needs: [],
  docs: {
    why: 'Clients reach Tibero through its Service; when no Service port forwards to the LISTENER_PORT of the .tip, every connection is refused (TBR-2131).',
    fix: 'Make a Service port forward (targetPort) to LISTENER_PORT.',
  },
  examples: { fail: tmaxStack({ k8s: (o) => void (obj(o, 'Service', 'ledger').spec.ports = [{ name: 'lsnr', port: 8629, targetPort: 8630 }]) }), pass: tmaxStack() },
};

export const check: Check = {
  meta,
  run({ inv }) {
    const seen = new Set<string>();
    const out: Finding[] = [];
    for (const l of jtLinks(inv)) {
      const lp = l.tip?.params.listenerPort?.value;
      const svc = l.res.service;
      if (!l.tibero || !svc || lp === undefined || seen.has(svc.ci.id)) continue;
      seen.add(svc.ci.id);
      if (portsTo(inv, svc, lp).length) continue;
      const ports = ((svc.obj.spec?.ports ?? []) as Array<{ port: number; targetPort?: unknown }>);
      const idx = Math.max(0, ports.findIndex((p) => p.port === l.ds.portNumber?.value));
      out.push(
        linkFinding(meta, {
          cis: [svc.ci.id, l.tibero.id, l.jeus.id],
          message: `Service ${svc.ci.namespace}/${svc.ci.name} in front of Tibero ${label(l.tibero)} forwards ${ports.map((p) => `${p.port}→${String(p.targetPort ?? p.port)}`).join(', ') || 'nothing'}, not LISTENER_PORT ${lp}`,
          evidence: { service: svc.ci.name, 'service.ports': ports.map((p) => ({ port: p.port, targetPort: p.targetPort })), 'tibero.LISTENER_PORT': lp },
          fix: `set targetPort of Service ${svc.ci.name} port ${ports[idx]?.port ?? lp} to ${lp}`,
          patch: { type: 'json', target: svc.ci.id, content: JSON.stringify([{ op: 'replace', path: `/spec/ports/${idx}/targetPort`, value: lp }]) },
        }),
      );
    }
    return out;
  },
};
