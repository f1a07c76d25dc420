import type { Check, CheckMeta } from '../../check.js';
import type { Finding } from '../../../model/finding.js';
import { finding } from '../../util/finding.js';
import { deployment, service, yamlDocs } from '../../util/examples.js';
import { containerPorts, longRunningContainers } from '../../util/pods.js';
import { declaresAnyPort, resolveTargetPort } from './ports.js';

const meta: CheckMeta = {
  id: 'service-port-mismatch',
  title: 'Service targetPort not exposed by the selected pods',
  category: 'relations',
  severity: 'critical',
  aliases: ['K8S-TARGETPORT', 'popeye:1106', 'kube-linter:invalid-target-ports'],
  needs: ['kind:Pod'],
  docs: {
    why: 'A named targetPort that the pods do not define gives the Service no endpoint port; a numeric one that differs from every declared containerPort usually means traffic goes to a port nothing listens on (connection refused, 502).',
    fix: 'Set the Service `targetPort` to the container port name (preferred) or number the pods actually serve.',
  },
  examples: {
    fail: yamlDocs(deployment('api'), service('api', { app: 'api' }, [{ name: 'http', port: 80, targetPort: 'web' }]), deployment('db', {}, { containers: [{ name: 'pg', image: 'postgres:16', ports: [{ containerPort: 5432 }] }] }), service('db', { app: 'db' }, [{ port: 5432, targetPort: 5433 }])),
    pass: yamlDocs(deployment('api'), service('api', { app: 'api' }, [{ name: 'http', port: 80, targetPort: 'http' }, { name: 'alt', port: 8080 }]), deployment('legacy', {}, { containers: [{ name: 'x', image: 'x:1' }] }), service('legacy', { app: 'legacy' }, [{ port: 80, targetPort: 9000 }])),
  },
};

export const check: Check = {
  meta,
  run(ctx) {
    const out: Finding[] = [];
    for (const svc of ctx.inv.byKind('Service')) {
      const sel = svc.obj.spec?.selector as Record<string, string> | undefined;
      if (!sel || !Object.keys(sel).length) continue;
      const tpls = ctx.inv.selectPods(svc.ci.namespace, sel);
      if (!tpls.length) continue; // service-selector-no-match reports that
      for (const p of (Array.isArray(svc.obj.spec?.ports) ? svc.obj.spec.ports : []) as Array<{ name?: string; port?: number; targetPort?: number | string; protocol?: string }>) {
        const target = p.targetPort ?? p.port;
        if (target === undefined) continue;
        const named = typeof target === 'string' && !/^\d+$/.test(target);
        // Templates that declare no ports at all tell us nothing about numeric targets.
        const relevant = named ? tpls : tpls.filter(declaresAnyPort);
        const missing = relevant.filter((t) => !resolveTargetPort(t, target).length);
        if (!missing.length) continue;
        const t = missing[0];
        const offered = longRunningContainers(t).flatMap(({ c }) => containerPorts(c).map((cp) => (cp.name ? `${cp.name}/${cp.containerPort}` : String(cp.containerPort))));
        out.push(finding(meta, svc, {
          message: `Service ${svc.ci.name} port ${p.name ?? p.port} targets ${named ? 'port name' : 'port'} ${target}, but ${t.owner.ci.kind} ${t.owner.ci.name} exposes ${offered.join(', ') || 'no ports'}`,
          evidence: { servicePort: p.port, targetPort: target, containerPorts: offered, workloads: missing.map((m) => m.owner.ci.id) },
          also: missing.map((m) => m.owner),
          fix: offered.length ? `Set targetPort of Service ${svc.ci.name} port ${p.name ?? p.port} to one of ${offered.join(', ')} (or expose ${target} on the container).` : meta.docs.fix,
          patch: offered.length === 1 ? { type: 'kubectl', target: svc.ci.id, content: `kubectl -n ${svc.ci.namespace} patch service ${svc.ci.name} --type json -p '[{"op":"replace","path":"/spec/ports/${(svc.obj.spec?.ports as unknown[]).indexOf(p)}/targetPort","value":${JSON.stringify(offered[0].includes('/') ? offered[0].split('/')[0] : Number(offered[0]))}}]'` } : undefined,
        }));
      }
    }
    return out;
  },
};
