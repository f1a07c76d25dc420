// K8S-NETPOL: under ingress isolation (typically a default-deny policy), no NetworkPolicy admits
// traffic to the port a Service forwards to, so the Service (or the Ingress/LoadBalancer in front
// of it) is cut off from its pods. Reasoned on ports: a policy that admits the right clients on
// the wrong port is reported as the near miss to fix. The clients' side (egress isolation, DNS) is
// networkpolicy-blocks-egress; both carry K8S-NETPOL.
import type { Check, CheckMeta } from '../../check.js';
import type { InventoryItem } from '../../../cmdb/inventory.js';
import type { Finding } from '../../../model/finding.js';
import { finding } from '../../util/finding.js';
import { deployment, obj, service, yamlDocs } from '../../util/examples.js';
import { isEmptySelector, selectorText } from '../../util/labels.js';
import { netpolsByNs } from '../../util/refs.js';
import { isolatingPolicies, peerText, portAdmits, portText, type IngressRule, type NetpolPeer } from '../../util/netpol.js';
import { ingressBackends } from '../../../cmdb/relations.js';
import { resolveTargetPort } from './ports.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- Service specs read defensively */
type Rule = IngressRule;

/** Could this rule's peers include clients from outside the cluster / other namespaces (ingress controllers, LBs)? */
function admitsOutside(from: NetpolPeer[] | undefined): boolean {
  return !from?.length || from.some((f) => f.ipBlock || f.namespaceSelector);
}

const meta: CheckMeta = {
  id: 'networkpolicy-blocks-service',
  title: 'NetworkPolicy cuts a Service off from its pods',
  category: 'relations',
  severity: 'critical',
  aliases: ['K8S-NETPOL', 'networkpolicy-blocks-linkage'],
  needs: ['kind:NetworkPolicy', 'kind:Pod'],
  docs: {
    why: 'When pods are isolated for ingress (a default-deny policy selects them), only what some policy allows gets through. If no policy admits the Service\'s target port, clients time out (packets are dropped, no RST): 504s and `connect timed out`, with no event pointing at the policy.',
    fix: 'Add (or fix the port in) an ingress rule that admits the Service\'s clients on the target port.',
  },
  examples: {
    fail: yamlDocs(
      deployment('api'), deployment('db', {}, { containers: [{ name: 'pg', image: 'postgres:16', ports: [{ name: 'pg', containerPort: 5432 }] }] }),
      service('db', { app: 'db' }, [{ port: 5432, targetPort: 'pg' }]),
      obj('networking.k8s.io/v1', 'NetworkPolicy', 'default-deny', { spec: { podSelector: {}, policyTypes: ['Ingress'] } }),
      obj('networking.k8s.io/v1', 'NetworkPolicy', 'db-ingress', { spec: { podSelector: { matchLabels: { app: 'db' } }, policyTypes: ['Ingress'], ingress: [{ from: [{ podSelector: { matchLabels: { app: 'api' } } }], ports: [{ protocol: 'TCP', port: 5433 }] }] } }),
    ),
    pass: yamlDocs(
      deployment('api'), deployment('db', {}, { containers: [{ name: 'pg', image: 'postgres:16', ports: [{ name: 'pg', containerPort: 5432 }] }] }),
      service('db', { app: 'db' }, [{ port: 5432, targetPort: 'pg' }]), service('api', { app: 'api' }),
      obj('networking.k8s.io/v1', 'NetworkPolicy', 'default-deny', { spec: { podSelector: {}, policyTypes: ['Ingress'] } }),
      obj('networking.k8s.io/v1', 'NetworkPolicy', 'db-ingress', { spec: { podSelector: { matchLabels: { app: 'db' } }, policyTypes: ['Ingress'], ingress: [{ from: [{ podSelector: { matchLabels: { app: 'api' } } }], ports: [{ protocol: 'TCP', port: 5432 }] }] } }),
      obj('networking.k8s.io/v1', 'NetworkPolicy', 'api-ingress', { spec: { podSelector: { matchLabels: { app: 'api' } }, ingress: [{ ports: [{ port: 'http' }] }] } }),
    ),
  },
};

export const check: Check = {
  meta,
  run(ctx) {
    const inv = ctx.inv;
    const out: Finding[] = [];
    const routed = new Set<string>();
    for (const ing of inv.byKind('Ingress')) for (const b of ingressBackends(ing.obj)) routed.add(`${ing.ci.namespace}/${b.service}`);
    const governing = new Set(inv.byKind('StatefulSet').map((s) => `${s.ci.namespace}/${s.obj.spec?.serviceName}`));
    for (const svc of inv.byKind('Service')) {
      const ns = svc.ci.namespace;
      const sel = svc.obj.spec?.selector as Record<string, string> | undefined;
      if (!sel || !Object.keys(sel).length || !netpolsByNs(inv).get(ns)?.length) continue;
      // A headless governing Service of a StatefulSet exists for DNS identity, not as a traffic path.
      if (svc.obj.spec?.clusterIP === 'None' && governing.has(`${ns}/${svc.ci.name}`)) continue;
      const external = ['LoadBalancer', 'NodePort'].includes(svc.obj.spec?.type) || routed.has(`${ns}/${svc.ci.name}`);
      const reported = new Set<string>();
      for (const tpl of inv.selectPods(ns, sel)) {
        if (reported.has(tpl.owner.ci.id)) continue;
        const pols = isolatingPolicies(inv, tpl, 'Ingress');
        if (!pols.length) continue;
        for (const sp of (Array.isArray(svc.obj.spec?.ports) ? svc.obj.spec.ports : []) as any[]) {
          const protocol = String(sp?.protocol ?? 'TCP').toUpperCase();
          const target = sp?.targetPort ?? sp?.port;
          const resolved = resolveTargetPort(tpl, target);
          const num = resolved[0]?.port.containerPort ?? (typeof target === 'number' || /^\d+$/.test(String(target)) ? Number(target) : undefined);
          if (num === undefined) continue; // unresolvable named port: service-port-mismatch reports it
          const name = resolved[0]?.port.name;
          let admitted = false;
          const nearMiss: Array<{ policy: InventoryItem; rule: Rule }> = [];
          for (const p of pols) {
            for (const rule of (p.obj.spec?.ingress ?? []) as Rule[]) {
              const portOk = portAdmits(rule.ports, num, name, protocol);
              if (portOk && (!external || admitsOutside(rule.from))) admitted = true;
              else if (!portOk) nearMiss.push({ policy: p, rule });
            }
          }
          if (admitted) continue;
          reported.add(tpl.owner.ci.id);
          const defaultDeny = pols.filter((p) => isEmptySelector(p.obj.spec?.podSelector ?? {}) && !(p.obj.spec?.ingress ?? []).length);
          const clients = nearMiss.flatMap(({ rule }) => (rule.from ?? []).filter((f) => f.podSelector && !f.namespaceSelector).flatMap((f) => inv.selectPods(ns, f.podSelector).map((t) => t.owner)));
          const uniqClients = [...new Set(clients)];
          const primary = nearMiss[0]?.policy ?? defaultDeny[0] ?? pols[0];
          const portDesc = `${protocol} ${num}${name ? ` (${name})` : ''}`;
          const nm = nearMiss.map(({ policy, rule }) => `${policy.ci.name} admits ${peerText(rule.from)} only on ${portText(rule.ports)}`);
          out.push(finding(meta, primary, {
            message: `Service ${svc.ci.name} is cut off from ${tpl.owner.ci.kind} ${tpl.owner.ci.name}: ${defaultDeny.length ? `namespace ${ns} is default-deny for ingress` : `its pods are isolated by ${pols.map((p) => p.ci.name).join(', ')}`} and no policy admits ${external ? 'outside clients on ' : ''}${portDesc}${nm.length ? `; ${nm.join('; ')}` : ''}`,
            evidence: {
              edge: `${uniqClients.map((c) => c.ci.name).join(',') || (external ? 'external' : '*')} -> ${svc.ci.name}:${num}`,
              service: svc.ci.name, targetPort: target, resolvedPort: num, default_deny: defaultDeny.length > 0,
              isolatingPolicies: pols.map((p) => p.ci.name),
              allowed_ports: [...new Set(pols.flatMap((p) => (p.obj.spec?.ingress ?? []).flatMap((r: Rule) => (r.ports ?? []).map((x: any) => x?.port))))],
            },
            also: [svc, ...uniqClients, tpl.owner, ...defaultDeny],
            patch: nearMiss.length && nearMiss[0].rule.ports?.length
              ? { type: 'kubectl', target: nearMiss[0].policy.ci.id, content: `kubectl -n ${ns} patch networkpolicy ${nearMiss[0].policy.ci.name} --type json -p '${JSON.stringify([{ op: 'add', path: `/spec/ingress/${(nearMiss[0].policy.obj.spec?.ingress ?? []).indexOf(nearMiss[0].rule)}/ports/-`, value: { protocol, port: num } }])}'` }
              : undefined,
            fix: nearMiss.length
              ? `Allow ${portDesc} in ${nearMiss[0].policy.ci.name}${nearMiss[0].rule.from?.length ? ` from ${peerText(nearMiss[0].rule.from)}` : ''} (it currently allows ${portText(nearMiss[0].rule.ports)}).`
              : `Add a NetworkPolicy selecting ${selectorText(tpl.labels)} that admits ${external ? 'the ingress controller / external clients' : 'the Service\'s clients'} on ${portDesc}.`,
          }));
          break;
        }
      }
    }
    return out;
  },
};
