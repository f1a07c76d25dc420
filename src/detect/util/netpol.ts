// NetworkPolicy semantics the checks share: which policies isolate a pod in a direction, whether a
// rule's ports admit a port, and whether a rule's peers (podSelector / namespaceSelector / ipBlock)
// admit a given set of pods — as the API documents them (networking.k8s.io/v1).
import type { Inventory, InventoryItem, LabelSelector, PodTemplateRef } from '../../cmdb/inventory.js';
import { isEmptySelector, selectorMatches, selectorText } from './labels.js';
import { netpolsByNs } from './refs.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- NetworkPolicy specs are read defensively */
export type NetpolPort = { protocol?: string; port?: number | string; endPort?: number };
export type NetpolPeer = { podSelector?: LabelSelector; namespaceSelector?: LabelSelector; ipBlock?: { cidr?: string; except?: string[] } };
export type IngressRule = { from?: NetpolPeer[]; ports?: NetpolPort[] };
export type EgressRule = { to?: NetpolPeer[]; ports?: NetpolPort[] };
export type Direction = 'Ingress' | 'Egress';

/** The label the API server sets on every namespace (1.21+): selectable even when the Namespace object is not in the input. */
export const NS_NAME_LABEL = 'kubernetes.io/metadata.name';

/** spec.policyTypes, defaulted as the API server does: Ingress always, Egress when egress rules exist. */
export function policyTypes(p: InventoryItem): string[] {
  return p.obj.spec?.policyTypes ?? ['Ingress', ...(p.obj.spec?.egress ? ['Egress'] : [])];
}

/** Policies of the pod's namespace that select it for `dir`: if any, only what they allow gets through. */
export function isolatingPolicies(inv: Inventory, tpl: PodTemplateRef, dir: Direction): InventoryItem[] {
  return (netpolsByNs(inv).get(tpl.owner.ci.namespace) ?? []).filter((p) => policyTypes(p).includes(dir) && selectorMatches(p.obj.spec?.podSelector ?? {}, tpl.labels));
}

/** A policy selecting every pod with no rule for `dir`: the namespace is default-deny that way. */
export function isDefaultDeny(p: InventoryItem, dir: Direction): boolean {
  const rules = dir === 'Ingress' ? p.obj.spec?.ingress : p.obj.spec?.egress;
  return isEmptySelector(p.obj.spec?.podSelector ?? {}) && policyTypes(p).includes(dir) && !(rules ?? []).length;
}

/** Do a rule's ports admit `num` (named `name` on the destination container) over `protocol`? No ports: all. */
export function portAdmits(ports: NetpolPort[] | undefined, num: number, name: string | undefined, protocol: string): boolean {
  if (!ports?.length) return true;
  return ports.some((p) => {
    if (String(p?.protocol ?? 'TCP').toUpperCase() !== protocol) return false;
    if (p?.port === undefined) return true;
    if (typeof p.port === 'string' && !/^\d+$/.test(p.port)) return p.port === name;
    const lo = Number(p.port);
    return num >= lo && num <= Number(p.endPort ?? lo);
  });
}

export const portText = (ports: NetpolPort[] | undefined) => (ports?.length ? ports.map((p) => `${p?.protocol ?? 'TCP'} ${p?.port ?? 'any'}${p?.endPort ? `-${p.endPort}` : ''}`).join(', ') : 'all ports');

export function peerText(peers: NetpolPeer[] | undefined): string {
  if (!peers?.length) return 'anyone';
  return peers.map((f) => (f.ipBlock ? `ipBlock ${f.ipBlock.cidr}` : [f.namespaceSelector ? `namespaces ${selectorText(f.namespaceSelector)}` : '', f.podSelector ? `pods ${selectorText(f.podSelector)}` : ''].filter(Boolean).join(' & '))).join('; ');
}

// ------------------------------------------------------------------ peers

/** The pods a rule's peer is asked about: their namespace, labels, and (live) IPs. */
export interface PeerTarget {
  namespace: string;
  labels: Record<string, string>;
  /** Pod IPs when known (live Pods); empty for templates. */
  ips: string[];
  /** The Service's ClusterIP(s) in front of them, to explain an ipBlock that names the Service instead of the pods. */
  serviceIps?: string[];
}

/** yes / no, or unknown when the input cannot tell (namespace labels or pod IPs not collected). */
export type Verdict = 'yes' | 'no' | 'unknown';

const namespaceItems = (inv: Inventory, ns: string) => inv.find('Namespace', '', ns);

/** Does a namespaceSelector select namespace `ns`? Unknown when it needs labels of a Namespace object we do not have. */
export function namespaceSelected(inv: Inventory, sel: LabelSelector, ns: string): Verdict {
  const item = namespaceItems(inv, ns);
  const labels = { ...(item?.obj.metadata?.labels ?? {}), [NS_NAME_LABEL]: ns };
  if (selectorMatches(sel, labels)) return 'yes';
  if (item) return 'no';
  const keys = [...Object.keys(sel.matchLabels ?? {}), ...(sel.matchExpressions ?? []).map((e) => e.key)];
  return keys.every((k) => k === NS_NAME_LABEL) ? 'no' : 'unknown';
}

function ipv4(s: string): number | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(s.trim());
  if (!m) return undefined;
  const o = m.slice(1).map(Number);
  return o.some((x) => x > 255) ? undefined : ((o[0] << 24) >>> 0) + (o[1] << 16) + (o[2] << 8) + o[3];
}

/** IPv4 CIDR containment; undefined for what it cannot read (IPv6, garbage). */
export function cidrContains(cidr: string, ip: string): boolean | undefined {
  const [net, bitsText] = cidr.split('/');
  const a = ipv4(net);
  const b = ipv4(ip);
  const bits = Number(bitsText ?? 32);
  if (a === undefined || b === undefined || !Number.isInteger(bits) || bits < 0 || bits > 32) return undefined;
  if (bits === 0) return true;
  const mask = (~0 << (32 - bits)) >>> 0;
  return ((a & mask) >>> 0) === ((b & mask) >>> 0);
}

function ipBlockAdmits(block: NonNullable<NetpolPeer['ipBlock']>, t: PeerTarget): Verdict {
  const cidr = String(block.cidr ?? '');
  const except = (block.except ?? []).map(String);
  const everything = cidr === '0.0.0.0/0' || cidr === '::/0';
  if (!t.ips.length) return everything && !except.length ? 'yes' : 'unknown';
  const one = (ip: string): Verdict => {
    const inside = cidrContains(cidr, ip) ?? (everything ? true : undefined);
    if (inside === undefined) return 'unknown';
    if (!inside) return 'no';
    const excluded = except.map((e) => cidrContains(e, ip));
    if (excluded.some((x) => x === undefined)) return 'unknown';
    return excluded.some(Boolean) ? 'no' : 'yes';
  };
  const vs = t.ips.map(one);
  return vs.every((v) => v === 'yes') ? 'yes' : vs.includes('no') ? 'no' : 'unknown';
}

/** Does one peer of a rule in a policy of namespace `policyNs` admit the target pods? */
export function peerAdmits(inv: Inventory, policyNs: string, peer: NetpolPeer, t: PeerTarget): Verdict {
  if (!peer || typeof peer !== 'object') return 'no';
  if (peer.ipBlock) return ipBlockAdmits(peer.ipBlock, t);
  let ns: Verdict;
  if (peer.namespaceSelector) ns = namespaceSelected(inv, peer.namespaceSelector, t.namespace);
  else ns = t.namespace === policyNs ? 'yes' : 'no'; // a podSelector alone means the policy's own namespace
  if (ns === 'no') return 'no';
  if (peer.podSelector && !selectorMatches(peer.podSelector, t.labels)) return 'no';
  return ns;
}

/** Do a rule's peers (`from` or `to`) admit the target? None listed: everyone. */
export function peersAdmit(inv: Inventory, policyNs: string, peers: NetpolPeer[] | undefined, t: PeerTarget): Verdict {
  if (!peers?.length) return 'yes';
  const vs = peers.map((p) => peerAdmits(inv, policyNs, p, t));
  return vs.includes('yes') ? 'yes' : vs.includes('unknown') ? 'unknown' : 'no';
}

/** An ipBlock peer that covers the Service's ClusterIP but not the pods: policies see pod IPs (after DNAT). */
export function ipBlockNamesServiceIp(peers: NetpolPeer[] | undefined, t: PeerTarget): string | undefined {
  for (const p of peers ?? []) {
    const cidr = p?.ipBlock?.cidr;
    if (cidr && (t.serviceIps ?? []).some((ip) => cidrContains(cidr, ip)) && !t.ips.some((ip) => cidrContains(cidr, ip))) return cidr;
  }
  return undefined;
}

/** Pod IPs of live Pods among these templates. */
export function podIps(tpls: PodTemplateRef[]): string[] {
  const out: string[] = [];
  for (const t of tpls) {
    if (!t.isPod) continue;
    const st = t.owner.obj.status as any;
    const ips = Array.isArray(st?.podIPs) ? st.podIPs.map((x: any) => x?.ip) : [st?.podIP];
    for (const ip of ips) if (typeof ip === 'string' && ip && !out.includes(ip)) out.push(ip);
  }
  return out;
}
