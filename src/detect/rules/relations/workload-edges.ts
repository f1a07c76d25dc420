// Who talks to whom, as far as configuration says: client pods → server pods:port edges, from the
// middleware linkage (web → WAS, WAS → DB, resolved through Kubernetes Services) and from container
// env values that name a Service (`DB_HOST=db`, `http://api.shop:8080`, `jdbc:postgresql://pg/x`).
// The port is the one on the server pods (a Service's targetPort, resolved), because that is what
// NetworkPolicies match: kube-proxy/the CNI translate the Service address before policy applies.
import type { CiId } from '../../../model/ci.js';
import type { Inventory, InventoryItem, PodTemplateRef } from '../../../cmdb/inventory.js';
import { serviceNameOf } from '../../../collect/middleware/discover.js';
import { parseJdbcUrl } from '../../../collect/middleware/spring.js';
import { jdbcLinks, jtLinks, naLinks, num, wjLinks, type AppInstance } from '../linkage/shared.js';
import type { Resolution } from '../../../collect/middleware/discover.js';
import { specTemplates } from '../../util/pods.js';
import { resolveTargetPort } from './ports.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- pod and Service specs are read defensively */

export interface WorkloadEdge {
  client: PodTemplateRef;
  /** Namespace of the server pods. */
  namespace: string;
  /** The server pods (workload templates, and live Pods when collected live). */
  servers: PodTemplateRef[];
  /** The Service the client addresses, when it goes through one. */
  service?: InventoryItem;
  /** Port on the server pods, and its name there (for named ports in policies). */
  port: number;
  portName?: string;
  /** The port the client dials (the Service port), when it differs from `port`. */
  dialPort?: number;
  protocol: 'TCP';
  /** The host the client dials: a DNS name needs DNS egress too. */
  host: string;
  byName: boolean;
  /** Where the edge comes from, for the evidence: `jdbc-url jdbc:postgresql://…`, `env DB_HOST=db`. */
  via: string;
  /** Application CIs on both ends (linkage edges). */
  apps: CiId[];
}

const IP = /^\d+\.\d+\.\d+\.\d+$|:/;

/** `via` goes into evidence: never a credential a URL may carry (user-info, password parameters). */
export function redactUrl(s: string): string {
  return s.replace(/(\/\/)[^@/\s]*@/g, '$1').replace(/((?:password|passwd|pwd)=)[^&;\s]*/gi, '$1***');
}

/** Server templates to reason on: the workloads' templates, and live Pods (they carry the IPs). */
function serverPods(inv: Inventory, svc: InventoryItem): PodTemplateRef[] {
  const sel = svc.obj.spec?.selector;
  return sel && Object.keys(sel).length ? inv.selectPods(svc.ci.namespace, sel) : [];
}

/**
 * The edge through `svc` for a client dialling `dialPort`: the Service port with that number, its
 * targetPort resolved on the server pods. Undefined when no Service port matches (a port mismatch,
 * which the Service/linkage port checks report).
 */
function throughService(inv: Inventory, svc: InventoryItem, dialPort: number): Pick<WorkloadEdge, 'namespace' | 'servers' | 'service' | 'port' | 'portName' | 'dialPort'> | undefined {
  const servers = serverPods(inv, svc);
  if (!servers.length) return undefined;
  const headless = svc.obj.spec?.clusterIP === 'None';
  const sp = ((Array.isArray(svc.obj.spec?.ports) ? svc.obj.spec.ports : []) as any[]).find((p) => Number(p?.port) === dialPort && String(p?.protocol ?? 'TCP').toUpperCase() === 'TCP');
  // A headless Service's name resolves to the pod IPs: the client dials the pods' port itself.
  const target = headless ? dialPort : sp ? (sp.targetPort ?? sp.port) : undefined;
  if (target === undefined) return undefined;
  for (const t of servers) {
    const r = resolveTargetPort(t, target)[0];
    if (r) return { namespace: svc.ci.namespace, servers, service: svc, port: r.port.containerPort, portName: r.port.name, ...(r.port.containerPort !== dialPort ? { dialPort } : {}) };
  }
  if (!/^\d+$/.test(String(target))) return undefined; // a named targetPort no pod declares: service-port-mismatch
  const port = Number(target);
  return { namespace: svc.ci.namespace, servers, service: svc, port, ...(port !== dialPort ? { dialPort } : {}) };
}

function appEdge(inv: Inventory, client: AppInstance, host: string | undefined, dialPort: number | undefined, res: Resolution, server: AppInstance | undefined, via: string): WorkloadEdge | undefined {
  if (!client.template || !host || dialPort === undefined) return undefined;
  const byName = !IP.test(host);
  const apps = [client.id, ...(server ? [server.id] : [])];
  if (res.service) {
    const t = throughService(inv, res.service, dialPort);
    return t && { client: client.template, ...t, protocol: 'TCP', host, byName, via, apps };
  }
  if (!server?.template) return undefined;
  const named = resolveTargetPort(server.template, dialPort)[0];
  return { client: client.template, namespace: server.namespace, servers: [server.template], port: dialPort, portName: named?.port.name, protocol: 'TCP', host, byName, via, apps };
}

/** Edges of the middleware linkage; the WAS dials WebtoB's JSVPORT (reverse connection), so JEUS is the client there. */
function linkageEdges(inv: Inventory): WorkloadEdge[] {
  const out: Array<WorkloadEdge | undefined> = [];
  for (const l of wjLinks(inv)) {
    if (l.connector.pipe) continue;
    out.push(appEdge(inv, l.jeus, l.connector.host?.value, num(l.connector.port?.value), l.res, l.webtob, `webtob-connector ${l.connector.name ?? ''} ${l.connector.host?.value}:${l.connector.port?.value}`.replace(/ +/g, ' ')));
  }
  for (const l of jtLinks(inv)) out.push(appEdge(inv, l.jeus, l.ds.serverName?.value, num(l.ds.portNumber?.value) ?? 8629, l.res, l.tibero, `data-source ${l.ds.id} ${l.ds.serverName?.value}:${l.ds.portNumber?.value ?? 8629}`));
  for (const l of naLinks(inv)) out.push(appEdge(inv, l.nginx, l.host, l.port ?? 80, l.res, l.backend, `nginx ${l.upstream ? `upstream ${l.upstream} ` : ''}server ${l.address}`));
  for (const l of jdbcLinks(inv)) out.push(appEdge(inv, l.app, l.host, l.port, l.res, l.db, `jdbc-url ${redactUrl(l.url)}`));
  return out.filter((e): e is WorkloadEdge => !!e);
}

// ------------------------------------------------------------------ env values naming a Service

/** Env names whose bare value is a host name (a bare word elsewhere is too likely something else). */
const HOST_NAME = /(HOST|HOSTNAME|ADDR|ADDRESS|SERVER|SERVICE|ENDPOINT|BROKERS?|UPSTREAM)$/i;
const PORT_OF = /^(.*?)_?(HOST|HOSTNAME|ADDR|ADDRESS|SERVER|SERVICE)$/i;
const SCHEME_PORT: Record<string, number> = { http: 80, https: 443, postgres: 5432, postgresql: 5432, mysql: 3306, mariadb: 3306, redis: 6379, amqp: 5672, mongodb: 27017, nats: 4222 };
const DNS_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** Host/port candidates in one env value. */
export function hostsIn(name: string, value: string): Array<{ host: string; port?: number }> {
  const out: Array<{ host: string; port?: number }> = [];
  for (const part of value.trim().split(/[,\s]+/).filter(Boolean)) {
    const jdbc = part.startsWith('jdbc:') ? parseJdbcUrl(part) : undefined;
    if (jdbc) {
      out.push({ host: jdbc.host.toLowerCase(), port: jdbc.port });
      continue;
    }
    const url = /^([a-z][a-z0-9+.-]*):\/\/(?:[^@/?#]*@)?([^/:?#]+)(?::(\d+))?/i.exec(part);
    if (url) {
      out.push({ host: url[2].toLowerCase(), port: url[3] ? Number(url[3]) : SCHEME_PORT[url[1].toLowerCase()] });
      continue;
    }
    const hp = /^([a-z0-9][-a-z0-9.]*):(\d{1,5})$/i.exec(part);
    if (hp) {
      out.push({ host: hp[1].toLowerCase(), port: Number(hp[2]) });
      continue;
    }
    if (HOST_NAME.test(name) && DNS_NAME.test(part.toLowerCase())) out.push({ host: part.toLowerCase() });
  }
  return out;
}

function envEdges(inv: Inventory, clients: PodTemplateRef[]): WorkloadEdge[] {
  const out: WorkloadEdge[] = [];
  for (const tpl of clients) {
    const ns = tpl.owner.ci.namespace;
    for (const c of [...(tpl.spec?.initContainers ?? []), ...(tpl.spec?.containers ?? [])] as any[]) {
      const env = (Array.isArray(c?.env) ? c.env : []).filter((e: any) => typeof e?.name === 'string' && typeof e?.value === 'string') as Array<{ name: string; value: string }>;
      const byName = new Map(env.map((e) => [e.name, e.value]));
      for (const e of env) {
        for (const h of hostsIn(e.name, e.value)) {
          const sn = serviceNameOf(h.host, ns, inv.coverage.namespaces);
          const svc = sn && inv.find('Service', sn.namespace, sn.name);
          if (!svc) continue;
          const prefix = PORT_OF.exec(e.name)?.[1];
          const sibling = prefix !== undefined ? num(byName.get(`${prefix}${prefix ? '_' : ''}PORT`)) : undefined;
          const ports = ((Array.isArray(svc.obj.spec?.ports) ? svc.obj.spec.ports : []) as any[]).map((p) => Number(p?.port));
          const dial = h.port ?? sibling ?? (ports.length === 1 ? ports[0] : undefined);
          if (dial === undefined) continue;
          // A workload behind the Service it names talks to itself (peers, or its own URL): not an edge to reason on here.
          if (serverPods(inv, svc).some((s) => s.owner === tpl.owner)) continue;
          const t = throughService(inv, svc, dial);
          if (t) out.push({ client: tpl, ...t, protocol: 'TCP', host: h.host, byName: !IP.test(h.host), via: `env ${e.name}=${redactUrl(e.value)}`, apps: [] });
        }
      }
    }
  }
  return out;
}

/**
 * Every client → server edge the configuration declares, one per (client workload, server
 * namespace/Service or workload, port). `clients` limits the env scan (it is the expensive part),
 * e.g. to egress-isolated templates.
 */
export function workloadEdges(inv: Inventory, opts: { clients?: (tpl: PodTemplateRef) => boolean } = {}): WorkloadEdge[] {
  const keep = opts.clients ?? (() => true);
  const all = [...linkageEdges(inv).filter((e) => keep(e.client)), ...envEdges(inv, specTemplates(inv).filter(keep))];
  const seen = new Set<string>();
  return all.filter((e) => {
    const k = `${e.client.owner.ci.id}|${e.service?.ci.id ?? e.servers[0]?.owner.ci.id}|${e.port}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
