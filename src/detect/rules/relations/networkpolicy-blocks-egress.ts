// K8S-NETPOL, egress side: a linkage edge (client pods → server pods:port) also needs the CLIENT's
// egress allowed when its pods are egress-isolated (a default-deny egress policy): to the server
// pods on their port (podSelector / namespaceSelector / ipBlock), and to cluster DNS (kube-dns,
// UDP 53) when the client addresses the server by name. A rule with the right peer and the wrong
// port (often the Service port instead of the pod port) is reported as the near miss to fix.
import type { Check, CheckMeta } from '../../check.js';
import type { Inventory, InventoryItem, PodTemplateRef } from '../../../cmdb/inventory.js';
import type { Finding } from '../../../model/finding.js';
import { finding } from '../../util/finding.js';
import { deployment, obj, service, yamlDocs } from '../../util/examples.js';
import { selectorText } from '../../util/labels.js';
import {
  ipBlockNamesServiceIp, isDefaultDeny, isolatingPolicies, NS_NAME_LABEL, peersAdmit, peerText, podIps, portAdmits, portText,
  type EgressRule, type NetpolPort, type PeerTarget,
} from '../../util/netpol.js';
import { workloadEdges, type WorkloadEdge } from './workload-edges.js';


/** Labels the controllers add per revision: a selector in a fix must not pin them. */
const REVISION_LABELS = ['pod-template-hash', 'controller-revision-hash', 'statefulset.kubernetes.io/pod-name', 'apps.kubernetes.io/pod-index'];

/** Labels that select the workload's pods in a fix: the owner's selector where it has one. */
function selectorOf(tpl: PodTemplateRef): Record<string, string> {
  const ml = tpl.owner.obj.spec?.selector?.matchLabels;
  if (!tpl.isPod && ml && typeof ml === 'object' && Object.keys(ml).length) return ml as Record<string, string>;
  return Object.fromEntries(Object.entries(tpl.labels).filter(([k]) => !REVISION_LABELS.includes(k)));
}

const nameOf = (tpl: PodTemplateRef) => tpl.owner.ci.name;
const primaryServer = (e: WorkloadEdge) => e.servers.find((s) => !s.isPod) ?? e.servers[0];

/** The cluster DNS pods: the kube-dns (or coredns) Service in kube-system, else the labels every distribution uses. */
function dnsTarget(inv: Inventory): { target: PeerTarget; selector: Record<string, string>; service?: InventoryItem } {
  const svc = inv.find('Service', 'kube-system', 'kube-dns') ?? inv.find('Service', 'kube-system', 'coredns');
  const sel = svc?.obj.spec?.selector as Record<string, string> | undefined;
  const selector = sel && Object.keys(sel).length ? sel : { 'k8s-app': 'kube-dns' };
  const pods = inv.selectPods('kube-system', selector);
  return { target: { namespace: 'kube-system', labels: pods.find((p) => !p.isPod)?.labels ?? pods[0]?.labels ?? selector, ips: podIps(pods) }, selector, ...(svc ? { service: svc } : {}) };
}

interface Verdict {
  admitted: boolean;
  /** Some rule might admit it, but the input cannot tell (namespace labels or pod IPs missing). */
  unknown: boolean;
  /** Right peer, wrong port. */
  nearMiss: Array<{ policy: InventoryItem; rule: EgressRule; index: number }>;
  /** An ipBlock naming the Service's ClusterIP instead of the pods. */
  clusterIpBlock?: string;
}

function evaluate(inv: Inventory, pols: InventoryItem[], target: PeerTarget, port: number, name: string | undefined, protocol: string): Verdict {
  const v: Verdict = { admitted: false, unknown: false, nearMiss: [] };
  for (const p of pols) {
    ((p.obj.spec?.egress ?? []) as EgressRule[]).forEach((rule, index) => {
      const portOk = portAdmits(rule?.ports, port, name, protocol);
      const peer = peersAdmit(inv, p.ci.namespace, rule?.to, target);
      if (portOk && peer === 'yes') v.admitted = true;
      else if (portOk && peer === 'unknown') v.unknown = true;
      else if (!portOk && peer !== 'no') v.nearMiss.push({ policy: p, rule, index });
      else if (portOk) v.clusterIpBlock ??= ipBlockNamesServiceIp(rule?.to, target);
    });
  }
  return v;
}

/** A YAML scalar: plain when unambiguous, else JSON-quoted (JSON strings are YAML). */
function scalar(v: string | number): string {
  if (typeof v === 'number') return String(v);
  return /^[A-Za-z_][-A-Za-z0-9_./]*$/.test(v) && !/^(true|false|null|yes|no|on|off|y|n)$/i.test(v) ? v : JSON.stringify(v);
}

function labelLines(labels: Record<string, string>, indent: string): string {
  return Object.entries(labels).map(([k, v]) => `${indent}${scalar(k)}: ${scalar(String(v))}\n`).join('');
}

/** A `to` peer: pods by labels, in another namespace when `ns` is given (by its kubernetes.io/metadata.name). */
interface SnippetPeer { ns?: string; pods: Record<string, string> }

/**
 * `kubectl apply` of a NetworkPolicy that admits what is missing. Written by hand, not with the
 * YAML library: a cluster-wide scan may propose thousands and the fixed shape needs no general emitter.
 */
function applySnippet(ns: string, name: string, podSelector: Record<string, string>, to: SnippetPeer[], ports: Array<{ protocol: string; port: number }>): string {
  const sel = Object.keys(podSelector).length ? `  podSelector:\n    matchLabels:\n${labelLines(podSelector, '      ')}` : '  podSelector: {}\n';
  const peers = to.map((p) => {
    const nsSel = p.ns !== undefined ? `          namespaceSelector:\n            matchLabels:\n              ${NS_NAME_LABEL}: ${scalar(p.ns)}\n` : '';
    const pods = Object.keys(p.pods).length ? `          podSelector:\n            matchLabels:\n${labelLines(p.pods, '              ')}` : '          podSelector: {}\n';
    return `        - ${(nsSel + pods).slice(10)}`;
  }).join('');
  const portLines = ports.map((p) => `        - protocol: ${p.protocol}\n          port: ${p.port}\n`).join('');
  const yaml = `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: ${scalar(name)}\n  namespace: ${scalar(ns)}\nspec:\n${sel}  policyTypes:\n    - Egress\n  egress:\n    - to:\n${peers}      ports:\n${portLines}`;
  return `kubectl apply -f - <<'EOF'\n${yaml}EOF`;
}

function addPortPatch(policy: InventoryItem, index: number, port: NetpolPort): string {
  return `kubectl -n ${policy.ci.namespace} patch networkpolicy ${policy.ci.name} --type json -p '${JSON.stringify([{ op: 'add', path: `/spec/egress/${index}/ports/-`, value: port }])}'`;
}

/** The peer that admits `selector` pods in `ns` from a policy in `fromNs`: a namespaceSelector only across namespaces. */
function peerFor(fromNs: string, ns: string, selector: Record<string, string>): SnippetPeer {
  return { ...(ns !== fromNs ? { ns } : {}), pods: selector };
}

const meta: CheckMeta = {
  id: 'networkpolicy-blocks-egress',
  title: 'NetworkPolicy blocks a workload\'s egress to the service it uses',
  category: 'relations',
  severity: 'critical',
  aliases: ['K8S-NETPOL'],
  needs: ['kind:NetworkPolicy', 'kind:Pod'],
  docs: {
    why: 'A NetworkPolicy with policyTypes Egress (typically a namespace-wide default-deny) isolates the pods it selects for OUTGOING traffic: a WAS then cannot open its DB or WebtoB connections, nginx cannot reach its upstreams, and a client that addresses its server by name cannot even resolve it unless DNS (kube-dns in kube-system, UDP/TCP 53) is allowed too. The packets are dropped: connect timeouts, `UnknownHostException` / `host not found in upstream`, with no event pointing at the policy. Edges come from the middleware linkage (web → WAS, WAS → DB; JEUS dials WebtoB) and from env values naming a Service (`DB_HOST=db`, URLs, JDBC URLs). Egress is matched on the server pods\' port after the Service address is translated, so a rule allowing the Service port instead of the targetPort does not help.',
    fix: 'Add (or fix the port in) an egress rule for the client pods to the server pods (podSelector, plus a namespaceSelector on kubernetes.io/metadata.name across namespaces) on the pods\' port, and allow DNS: UDP and TCP 53 to kube-dns in kube-system.',
  },
  examples: {
    fail: yamlDocs(
      deployment('api', {}, { containers: [{ name: 'api', image: 'registry.example.com/api:1.0', env: [{ name: 'DB_HOST', value: 'db' }, { name: 'DB_PORT', value: '5432' }] }] }),
      deployment('db', {}, { containers: [{ name: 'pg', image: 'postgres:16', ports: [{ name: 'pg', containerPort: 5432 }] }] }),
      service('db', { app: 'db' }, [{ port: 5432, targetPort: 'pg' }]),
      obj('networking.k8s.io/v1', 'NetworkPolicy', 'default-deny-egress', { spec: { podSelector: {}, policyTypes: ['Egress'] } }),
      obj('networking.k8s.io/v1', 'NetworkPolicy', 'api-egress', { spec: { podSelector: { matchLabels: { app: 'api' } }, policyTypes: ['Egress'], egress: [{ to: [{ podSelector: { matchLabels: { app: 'db' } } }], ports: [{ protocol: 'TCP', port: 5433 }] }] } }),
    ),
    pass: yamlDocs(
      deployment('api', {}, { containers: [{ name: 'api', image: 'registry.example.com/api:1.0', env: [{ name: 'DB_HOST', value: 'db' }, { name: 'DB_PORT', value: '5432' }] }] }),
      deployment('db', {}, { containers: [{ name: 'pg', image: 'postgres:16', ports: [{ name: 'pg', containerPort: 5432 }] }] }),
      service('db', { app: 'db' }, [{ port: 5432, targetPort: 'pg' }]),
      obj('networking.k8s.io/v1', 'NetworkPolicy', 'default-deny-egress', { spec: { podSelector: {}, policyTypes: ['Egress'] } }),
      obj('networking.k8s.io/v1', 'NetworkPolicy', 'allow-dns', { spec: { podSelector: {}, policyTypes: ['Egress'], egress: [{ to: [{ namespaceSelector: { matchLabels: { [NS_NAME_LABEL]: 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }], ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }] }] } }),
      obj('networking.k8s.io/v1', 'NetworkPolicy', 'api-egress', { spec: { podSelector: { matchLabels: { app: 'api' } }, policyTypes: ['Egress'], egress: [{ to: [{ podSelector: { matchLabels: { app: 'db' } } }], ports: [{ protocol: 'TCP', port: 5432 }] }] } }),
    ),
  },
};

interface DnsGroup {
  at: number;
  near?: Verdict['nearMiss'][number];
  denyAll: InventoryItem[];
  why: string;
  clients: Array<{ e: WorkloadEdge; pols: InventoryItem[] }>;
}

function dnsFinding(g: DnsGroup, dns: ReturnType<typeof dnsTarget>): Finding {
  const { near, denyAll, why } = g;
  const first = g.clients[0];
  const ns = first.e.client.owner.ci.namespace;
  const who = g.clients.map(({ e }) => `${e.client.owner.ci.kind} ${nameOf(e.client)}`).join(', ');
  const hosts = [...new Set(g.clients.map(({ e }) => e.host))];
  const dnsPeer: SnippetPeer = { ns: 'kube-system', pods: dns.selector };
  const podSel = denyAll.length ? {} : selectorOf(first.e.client);
  return finding(meta, near?.policy ?? denyAll[0] ?? first.pols[0], {
    message: `${who} cannot resolve ${hosts.join(', ')}: ${why} and no policy admits DNS (UDP 53 to kube-dns in kube-system)${near ? `; ${near.policy.ci.name} admits ${peerText(near.rule.to)} only on ${portText(near.rule.ports)}` : ''}`,
    evidence: {
      direction: 'egress', edge: `${g.clients.map(({ e }) => nameOf(e.client)).join(',')} -> kube-dns:53/UDP`, resolves: hosts, via: g.clients.map(({ e }) => e.via),
      default_deny_egress: denyAll.length > 0, isolatingPolicies: [...new Set(g.clients.flatMap(({ pols }) => pols.map((p) => p.ci.name)))], dnsSelector: selectorText(dns.selector),
    },
    also: [...g.clients.map(({ e }) => e.client.owner), dns.service, ...denyAll],
    patch: near
      ? { type: 'kubectl', target: near.policy.ci.id, content: addPortPatch(near.policy, near.index, { protocol: 'UDP', port: 53 }) }
      : { type: 'kubectl', content: applySnippet(ns, denyAll.length ? 'allow-dns-egress' : `${nameOf(first.e.client)}-egress-dns`, podSel, [dnsPeer], [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }]) },
    fix: near
      ? `Allow UDP 53 in ${near.policy.ci.name}'s egress rule to ${peerText(near.rule.to)} (it currently allows ${portText(near.rule.ports)}; DNS queries go over UDP first).`
      : `Allow egress to cluster DNS from ${denyAll.length ? `every pod in ${ns}` : `pods ${selectorText(podSel)}`}: UDP and TCP 53 to pods ${selectorText(dns.selector)} in kube-system.`,
  });
}

export const check: Check = {
  meta,
  run(ctx) {
    const inv = ctx.inv;
    if (!inv.byKind('NetworkPolicy').some((p) => (p.obj.spec?.policyTypes ?? []).includes('Egress') || p.obj.spec?.egress)) return [];
    const isolation = new Map<PodTemplateRef, InventoryItem[]>();
    const isolated = (tpl: PodTemplateRef) => {
      let pols = isolation.get(tpl);
      if (!pols) isolation.set(tpl, (pols = tpl.spec?.hostNetwork === true ? [] : isolatingPolicies(inv, tpl, 'Egress'))); // policies never apply to host-network pods
      return pols;
    };
    const edges = workloadEdges(inv, { clients: (t) => isolated(t).length > 0 });
    const out: Finding[] = [];
    let undecided = 0;
    const dnsChecked = new Set<string>();
    const dns = dnsTarget(inv);
    const dnsGroups = new Map<string, DnsGroup>();

    for (const e of edges) {
      const pols = isolated(e.client);
      const ns = e.client.owner.ci.namespace;
      const server = primaryServer(e);
      const denyAll = pols.filter((p) => isDefaultDeny(p, 'Egress'));
      const why = denyAll.length ? `namespace ${ns} is default-deny for egress (${denyAll.map((p) => p.ci.name).join(', ')})` : `its pods are egress-isolated by ${pols.map((p) => p.ci.name).join(', ')}`;

      // DNS first: a client dialling a name it cannot resolve fails before any port matters.
      if (e.byName && e.client.spec?.dnsPolicy !== 'None' && !dnsChecked.has(e.client.owner.ci.id)) {
        dnsChecked.add(e.client.owner.ci.id);
        const v = evaluate(inv, pols, dns.target, 53, 'dns', 'UDP');
        if (v.unknown && !v.admitted) undecided++;
        else if (!v.admitted) {
          // One finding per fix: every client of a namespace-wide default-deny (or of one near-miss rule) shares it.
          const near = v.nearMiss[0];
          const key = near ? `near|${near.policy.ci.id}|${near.index}` : denyAll.length ? `deny|${ns}` : `client|${e.client.owner.ci.id}`;
          const g = dnsGroups.get(key);
          if (g) g.clients.push({ e, pols });
          else {
            dnsGroups.set(key, { at: out.length, near, denyAll, why, clients: [{ e, pols }] });
            out.push(undefined as unknown as Finding); // filled in below, once every client is known
          }
        }
      }

      const target: PeerTarget = {
        namespace: e.namespace,
        labels: server.labels,
        ips: podIps(e.servers),
        serviceIps: [e.service?.obj.spec?.clusterIP, ...(e.service?.obj.spec?.clusterIPs ?? [])].filter((x): x is string => typeof x === 'string' && x !== 'None'),
      };
      const v = evaluate(inv, pols, target, e.port, e.portName, e.protocol);
      if (v.admitted) continue;
      if (v.unknown) {
        undecided++;
        continue;
      }
      const serverSel = (e.service?.obj.spec?.selector as Record<string, string> | undefined) ?? selectorOf(server);
      const svcName = e.service?.ci.name ?? nameOf(server);
      const portDesc = `TCP ${e.port}${e.portName ? ` (${e.portName})` : ''}`;
      const where = e.namespace !== ns ? ` in namespace ${e.namespace}` : '';
      const near = v.nearMiss[0];
      const dialNote = near && e.dialPort !== undefined && portAdmits(near.rule.ports, e.dialPort, undefined, 'TCP') ? ` (${e.dialPort} is the Service port; egress is matched on the pods' port ${e.port}, after the Service address is translated)` : '';
      const nm = v.nearMiss.map(({ policy, rule }) => `${policy.ci.name} admits ${peerText(rule.to)} only on ${portText(rule.ports)}`);
      const podSel = selectorOf(e.client);
      out.push(finding(meta, near?.policy ?? denyAll[0] ?? pols[0], {
        message: `${e.client.owner.ci.kind} ${nameOf(e.client)} cannot reach ${svcName}${where} on ${portDesc}: ${why} and no egress rule admits pods ${selectorText(serverSel)}${where} on that port${nm.length ? `; ${nm.join('; ')}` : ''}${dialNote}${v.clusterIpBlock ? `; ipBlock ${v.clusterIpBlock} names the Service's ClusterIP, but policies see the pod IPs` : ''}`,
        evidence: {
          direction: 'egress', edge: `${nameOf(e.client)} -> ${svcName}:${e.port}`, client: e.client.owner.ci.id, server: server.owner.ci.id, namespace: e.namespace,
          ...(e.service ? { service: e.service.ci.name } : {}), port: e.port, ...(e.dialPort !== undefined ? { servicePort: e.dialPort } : {}), via: e.via,
          default_deny_egress: denyAll.length > 0, isolatingPolicies: pols.map((p) => p.ci.name),
          allowed_egress: pols.flatMap((p) => ((p.obj.spec?.egress ?? []) as EgressRule[]).map((r) => `${p.ci.name}: to ${peerText(r?.to)} on ${portText(r?.ports)}`)),
        },
        also: [e.client.owner, server.owner, e.service, ...e.apps, ...denyAll],
        patch: near && near.rule.ports?.length
          ? { type: 'kubectl', target: near.policy.ci.id, content: addPortPatch(near.policy, near.index, { protocol: 'TCP', port: e.port }) }
          : { type: 'kubectl', content: applySnippet(ns, `${nameOf(e.client)}-egress-to-${svcName}`, podSel, [peerFor(ns, e.namespace, serverSel)], [{ protocol: 'TCP', port: e.port }]) },
        fix: near
          ? `Allow ${portDesc} in ${near.policy.ci.name}'s egress rule to ${peerText(near.rule.to)} (it currently allows ${portText(near.rule.ports)}).`
          : `Add an egress rule for pods ${selectorText(podSel)} to pods ${selectorText(serverSel)}${e.namespace !== ns ? ` in namespace ${e.namespace} (namespaceSelector ${NS_NAME_LABEL}=${e.namespace})` : ''} on ${portDesc}.`,
      }));
    }
    for (const g of dnsGroups.values()) out[g.at] = dnsFinding(g, dns);
    if (undecided) ctx.note?.(`${undecided} egress edge(s) not judged: a rule's namespaceSelector or ipBlock needs Namespace labels or pod IPs that are not in the input`);
    return out;
  },
};
