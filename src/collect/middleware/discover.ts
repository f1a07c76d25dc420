// Application discovery: which workload runs which middleware product, from the config files it
// mounts (volume → ConfigMap key → mountPath/subPath) and its container env/args. Each product
// instance becomes an application CI `cluster/App.<product>/<namespace>/<workload>`, related to
// its workload (`runs-on`: the app runs on the pods of that workload) and to the tiers it talks to
// (`routes-to` web → WAS, `connects-to` WAS → DB) with the keys that define the link as evidence.
// Plain files given with -f are matched to the ConfigMaps holding the same text (the deployed
// truth); files that match none become stand-alone application CIs (namespace `_`).
import { basename, dirname, posix } from 'node:path';
import { readFileSync } from 'node:fs';
import type { CI, CiId } from '../../model/ci.js';
import { ciId } from '../../model/ci.js';
import { ciKind, type KubeObject } from '../../model/kube.js';
import type { Relation } from '../../model/relation.js';
import type { Inventory, InventoryItem, PodTemplateRef } from '../../cmdb/inventory.js';
import { contentHash } from '../../cmdb/canonical.js';
import type { ParseIssue } from './types.js';
import { parseConfig, sniffFormat, PRODUCT_OF, type ConfigFormat, type ParsedConfig, type Product } from './config-file.js';
import { applySpringOverrides, parseJdbcUrl, springGet, type SpringConfig } from './spring.js';
import { parseQuantity } from './sizes.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- pod specs and Services are read defensively */

export interface ConfigFile {
  format: ConfigFormat;
  /** Where the product reads it inside the container (when mounted). */
  mountPath?: string;
  configMap?: { id: CiId; name: string; namespace: string; key: string };
  /** A file given on the command line with the same content. */
  diskPath?: string;
  /** How findings and patches name the file. */
  display: string;
  /** Where the file's first line sits in a manifest file (a ConfigMap block scalar), for locations. */
  origin?: { file: string; line: number };
  text: string;
  parsed: ParsedConfig;
  errors: ParseIssue[];
}

export interface AppInstance {
  id: CiId;
  product: Product;
  namespace: string;
  name: string;
  workload?: InventoryItem;
  template?: PodTemplateRef;
  container?: Record<string, any>;
  /** Pods running this app (desired replicas; 1 for stand-alone files). */
  replicas: number;
  files: ConfigFile[];
  /** Plain env values; values from Secrets/ConfigMaps refs are undefined (never read). */
  env: Record<string, string | undefined>;
  args: string[];
  memoryLimit?: number;
  memoryRequest?: number;
  /** Spring/Tomcat apps: the effective properties (files + env + args). */
  spring?: SpringConfig;
  /** Files mounted from Secrets: names only, values are never read. */
  secretFiles: Array<{ mountPath: string; secret: string; key: string }>;
}

export interface DiskFile {
  path: string;
  text: string;
}

export interface Discovery {
  apps: AppInstance[];
  relations: Relation[];
  problems: ParseIssue[];
}

const manifestCache = new Map<string, string[] | null>();

/** Line in the manifest where ConfigMap key `key`'s block-scalar text starts (after `key: |`). */
function blockStart(cm: InventoryItem, key: string): { file: string; line: number } | undefined {
  const src = cm.source;
  if (!src?.file || !src.line) return undefined;
  let lines = manifestCache.get(src.file);
  if (lines === undefined) {
    try {
      lines = readFileSync(src.file, 'utf8').split('\n');
    } catch {
      lines = null;
    }
    manifestCache.set(src.file, lines);
  }
  if (!lines) return undefined;
  const re = new RegExp(`^\\s*["']?${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']?\\s*:\\s*[|>][-+0-9]*\\s*$`);
  for (let i = src.line - 1; i < lines.length && i < src.line + 5000; i++) {
    if (i > src.line - 1 && /^---/.test(lines[i])) break;
    if (re.test(lines[i])) return { file: src.file, line: i + 2 };
  }
  return undefined;
}

const norm = (t: string) => t.replace(/\r\n/g, '\n').replace(/\s+$/, '');

function envOf(c: Record<string, any>): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = {};
  for (const e of Array.isArray(c.env) ? c.env : []) if (e?.name) env[e.name] = typeof e.value === 'string' ? e.value : undefined;
  return env;
}

function argsOf(c: Record<string, any>): string[] {
  const a = [...(Array.isArray(c.command) ? c.command : []), ...(Array.isArray(c.args) ? c.args : [])];
  return a.filter((x) => typeof x === 'string');
}

/** Files a container sees from ConfigMaps: volumeMounts → volumes → ConfigMap keys (items, subPath, projected). */
function mountedFiles(inv: Inventory, tpl: PodTemplateRef, c: Record<string, any>): Array<{ mountPath: string; cm: InventoryItem; key: string }> {
  const ns = tpl.owner.ci.namespace;
  const vols = new Map<string, any>();
  for (const v of Array.isArray(tpl.spec.volumes) ? tpl.spec.volumes : []) if (v?.name) vols.set(v.name, v);
  const out: Array<{ mountPath: string; cm: InventoryItem; key: string }> = [];
  for (const m of Array.isArray(c.volumeMounts) ? c.volumeMounts : []) {
    const v = vols.get(m?.name);
    if (!v || typeof m.mountPath !== 'string') continue;
    const sources: Array<{ name: string; items?: any[] }> = [];
    if (v.configMap?.name) sources.push({ name: v.configMap.name, items: v.configMap.items });
    for (const s of v.projected?.sources ?? []) if (s?.configMap?.name) sources.push({ name: s.configMap.name, items: s.configMap.items });
    for (const s of sources) {
      const cm = inv.find('ConfigMap', ns, s.name);
      const data = (cm?.obj as any)?.data;
      if (!cm || !data || typeof data !== 'object') continue;
      // key → relative path inside the volume
      const paths = new Map<string, string>();
      if (Array.isArray(s.items) && s.items.length) for (const it of s.items) paths.set(it.key, it.path ?? it.key);
      else for (const k of Object.keys(data)) paths.set(k, k);
      for (const [key, rel] of paths) {
        if (typeof data[key] !== 'string') continue;
        if (typeof m.subPath === 'string' && m.subPath) {
          if (m.subPath === rel) out.push({ mountPath: m.mountPath, cm, key });
        } else out.push({ mountPath: posix.join(m.mountPath, rel), cm, key });
      }
    }
  }
  return out;
}

/** One template per workload: controllers in the inventory stand for their pods and ReplicaSets. */
/** Files a container sees from Secret volumes (key names only). */
function secretFiles(inv: Inventory, tpl: PodTemplateRef, c: Record<string, any>): AppInstance['secretFiles'] {
  const vols = new Map<string, any>();
  for (const v of Array.isArray(tpl.spec.volumes) ? tpl.spec.volumes : []) if (v?.name) vols.set(v.name, v);
  const out: AppInstance['secretFiles'] = [];
  for (const m of Array.isArray(c.volumeMounts) ? c.volumeMounts : []) {
    const v = vols.get(m?.name);
    const name: string | undefined = v?.secret?.secretName;
    if (!name || typeof m.mountPath !== 'string') continue;
    const sec = inv.find('Secret', tpl.owner.ci.namespace, name);
    const keys = Array.isArray(v.secret.items) && v.secret.items.length ? v.secret.items.map((i: any) => i.key) : Object.keys((sec?.obj as any)?.data ?? {});
    for (const key of keys) if (!m.subPath || m.subPath === key) out.push({ mountPath: m.subPath ? m.mountPath : posix.join(m.mountPath, key), secret: name, key });
  }
  return out;
}

function workloadTemplates(inv: Inventory): PodTemplateRef[] {
  // Indexed look-ups only: live inventories hold every Pod and ReplicaSet.
  const ownerInInv = (it: InventoryItem) =>
    (it.obj.metadata?.ownerReferences ?? []).some((r) => !!inv.find(ciKind(r.apiVersion ?? '', r.kind), it.ci.namespace, r.name));
  return inv.podTemplates.filter((t) => !ownerInInv(t.owner));
}

function memOf(c: Record<string, any>, which: 'limits' | 'requests'): number | undefined {
  const v = c.resources?.[which]?.memory;
  return typeof v === 'string' || typeof v === 'number' ? parseQuantity(v) : undefined;
}

/** Spring-style signals in env/args (no config file needed to know it is a Spring Boot app). */
function springSignals(env: Record<string, string | undefined>, args: string[]): boolean {
  return Object.keys(env).some((k) => /^SPRING_/.test(k)) || args.some((a) => /^--(spring|server)\./.test(a));
}

export function discoverApplications(inv: Inventory, opts: { files?: DiskFile[] } = {}): Discovery {
  const problems: ParseIssue[] = [];
  const apps: AppInstance[] = [];
  const diskByText = new Map<string, DiskFile>();
  for (const f of opts.files ?? []) diskByText.set(norm(f.text), f);
  const usedDisk = new Set<string>();

  for (const tpl of workloadTemplates(inv)) {
    const ns = tpl.owner.ci.namespace;
    for (const c of Array.isArray(tpl.spec.containers) ? tpl.spec.containers : []) {
      const byProduct = new Map<Product, ConfigFile[]>();
      const mounted = mountedFiles(inv, tpl, c);
      const readInclude = (pattern: string, from: string) => {
        const base = posix.isAbsolute(pattern) ? pattern : posix.join(from.startsWith('/') ? posix.dirname(from) : '/etc/nginx', pattern);
        const re = new RegExp('^' + base.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*') + '$');
        return mounted.filter((m) => re.test(m.mountPath)).map((m) => ({ file: m.mountPath, text: (m.cm.obj as any).data[m.key] as string }));
      };
      for (const m of mounted) {
        const text: string = (m.cm.obj as any).data[m.key];
        const format = sniffFormat(text, m.mountPath);
        if (!format) continue;
        const disk = diskByText.get(norm(text));
        if (disk) usedDisk.add(disk.path);
        const display = disk?.path ?? `ConfigMap ${ns}/${m.cm.ci.name} key ${m.key}`;
        const { parsed, errors } = parseConfig(format, text, display, format === 'nginx.conf' ? readInclude : undefined);
        problems.push(...errors);
        const product = PRODUCT_OF[format];
        const list = byProduct.get(product) ?? [];
        list.push({ format, mountPath: m.mountPath, configMap: { id: m.cm.ci.id, name: m.cm.ci.name, namespace: ns, key: m.key }, diskPath: disk?.path, display, origin: disk ? undefined : blockStart(m.cm, m.key), text, parsed, errors });
        byProduct.set(product, list);
      }
      const env = envOf(c);
      const args = argsOf(c);
      // A Tomcat whose only config is a context.xml DataSource, or a Spring app known from env only.
      if (!byProduct.has('spring') && !byProduct.has('tomcat') && springSignals(env, args)) byProduct.set('spring', []);
      // nginx includes are part of the main file, not separate apps.
      for (const [product, files] of byProduct) {
        const name = tpl.owner.ci.name;
        const app: AppInstance = {
          id: ciId(inv.cluster, `App.${product}`, ns, byProduct.size > 1 && apps.some((a) => a.id === ciId(inv.cluster, `App.${product}`, ns, name)) ? `${name}-${c.name}` : name),
          product,
          namespace: ns,
          name,
          workload: tpl.owner,
          template: tpl,
          container: c,
          replicas: tpl.replicas ?? 1,
          files,
          env,
          args,
          memoryLimit: memOf(c, 'limits'),
          memoryRequest: memOf(c, 'requests'),
          secretFiles: secretFiles(inv, tpl, c),
        };
        if (product === 'spring') app.spring = effectiveSpring(files, env, args);
        apps.push(app);
      }
    }
  }

  // Stand-alone files (no ConfigMap holds them): one app per product per directory.
  const standalone = new Map<string, AppInstance>();
  for (const f of opts.files ?? []) {
    if (usedDisk.has(f.path)) continue;
    const format = sniffFormat(f.text, f.path);
    if (!format) continue;
    const product = PRODUCT_OF[format];
    const dir = dirname(f.path);
    const key = `${product}|${dir}`;
    let app = standalone.get(key);
    if (!app) {
      const name = basename(dir) || product;
      app = { id: ciId(inv.cluster, `App.${product}`, '', name), product, namespace: '', name, replicas: 1, files: [], env: {}, args: [], secretFiles: [] };
      standalone.set(key, app);
      apps.push(app);
    }
    const { parsed, errors } = parseConfig(format, f.text, f.path);
    problems.push(...errors);
    app.files.push({ format, diskPath: f.path, display: f.path, text: f.text, parsed, errors });
  }
  for (const a of standalone.values()) if (a.product === 'spring') a.spring = effectiveSpring(a.files, {}, []);

  return { apps, relations: buildAppRelations(inv, apps), problems };
}

function effectiveSpring(files: ConfigFile[], env: Record<string, string | undefined>, args: string[]): SpringConfig {
  const merged: SpringConfig = { props: {} };
  for (const f of files) if (f.parsed.format === 'spring.config') Object.assign(merged.props, f.parsed.model.props);
  return applySpringOverrides(merged, env, args);
}

// ---------------------------------------------------------------- host / Service resolution

export interface ServicePortMap {
  name?: string;
  port: number;
  targetPort: number | string;
  /** The container port number the target resolves to on the selected pods (undefined: not exposed). */
  containerPort?: number;
}

export interface Resolution {
  /** The Service the host name denotes (when it is a cluster Service name). */
  service?: InventoryItem;
  /** Apps of the wanted product behind the host. */
  apps: AppInstance[];
  how: 'service' | 'only-candidate' | 'unresolved';
  /** The host looks like a cluster-internal name (so "no such Service" is meaningful). */
  clusterName: boolean;
  /** Namespace the name points into. */
  namespace: string;
}

/** Service name and namespace a host denotes: `svc`, `svc.ns`, `svc.ns.svc[.domain]`, `pod.svc.ns.svc[.domain]`. */
export function serviceNameOf(host: string, defaultNs: string, knownNamespaces: Set<string>): { name: string; namespace: string; clusterName: boolean } | undefined {
  if (/^\d+\.\d+\.\d+\.\d+$/.test(host) || host.includes(':') || host === 'localhost') return undefined;
  const parts = host.toLowerCase().split('.');
  const svcIdx = parts.indexOf('svc');
  if (svcIdx >= 2) return { name: parts[svcIdx - 2], namespace: parts[svcIdx - 1], clusterName: true };
  if (parts.length === 1) return { name: parts[0], namespace: defaultNs, clusterName: true };
  if (parts.length === 2 && knownNamespaces.has(parts[1])) return { name: parts[0], namespace: parts[1], clusterName: true };
  return undefined;
}

export function servicePorts(inv: Inventory, svc: InventoryItem): ServicePortMap[] {
  const spec: any = svc.obj.spec ?? {};
  const pods = inv.selectPods(svc.ci.namespace, spec.selector);
  return (Array.isArray(spec.ports) ? spec.ports : []).map((p: any) => {
    const targetPort = p.targetPort ?? p.port;
    let containerPort: number | undefined;
    for (const t of pods) {
      for (const c of t.spec.containers ?? []) {
        for (const cp of c.ports ?? []) {
          if ((typeof targetPort === 'number' || /^\d+$/.test(String(targetPort))) ? Number(cp.containerPort) === Number(targetPort) : cp.name === targetPort) containerPort = Number(cp.containerPort);
        }
      }
    }
    // A numeric targetPort reaches the process even when the container does not declare the port.
    if (containerPort === undefined && /^\d+$/.test(String(targetPort)) && pods.length) containerPort = Number(targetPort);
    return { name: p.name, port: Number(p.port), targetPort, containerPort };
  });
}

export function resolveHost(inv: Inventory, apps: AppInstance[], from: AppInstance, host: string | undefined, products: Product[]): Resolution {
  const wanted = apps.filter((a) => products.includes(a.product) && a !== from);
  const sameNs = wanted.filter((a) => a.namespace === from.namespace || !a.namespace || !from.namespace);
  const only = (): Resolution => (sameNs.length === 1 ? { apps: sameNs, how: 'only-candidate', clusterName: false, namespace: from.namespace } : { apps: [], how: 'unresolved', clusterName: false, namespace: from.namespace });
  if (!host) return only();
  const sn = serviceNameOf(host, from.namespace, inv.coverage.namespaces);
  if (!sn) return only();
  const svc = inv.find('Service', sn.namespace, sn.name);
  if (!svc) {
    const r = only();
    return { ...r, clusterName: sn.clusterName && inv.coverage.kinds.has('Service'), namespace: sn.namespace };
  }
  const owners = new Set(inv.selectPods(sn.namespace, (svc.obj.spec as any)?.selector).map((t) => t.owner.ci.id));
  const behind = wanted.filter((a) => a.workload && owners.has(a.workload.ci.id));
  return { service: svc, apps: behind, how: 'service', clusterName: true, namespace: sn.namespace };
}

// ---------------------------------------------------------------- relations

export function jdbcUrlOf(app: AppInstance): { url: string; line?: number; file?: ConfigFile; origin: string } | undefined {
  if (app.spring) {
    const p = springGet(app.spring, 'spring.datasource.url') ?? springGet(app.spring, 'spring.datasource.hikari.jdbc-url');
    if (p) {
      const file = p.origin === 'file' ? app.files.find((f) => f.parsed.format === 'spring.config' && Object.values(f.parsed.model.props).some((q) => q.key === p.key && q.line === p.line)) : undefined;
      return { url: p.value, line: p.line, file, origin: p.origin };
    }
  }
  for (const f of app.files) if (f.parsed.format === 'tomcat.xml') for (const r of f.parsed.model.resources) if (r.url) return { url: r.url, line: r.line, file: f, origin: 'file' };
  return undefined;
}

function buildAppRelations(inv: Inventory, apps: AppInstance[]): Relation[] {
  const rels: Relation[] = [];
  const link = (from: AppInstance, to: AppInstance[], type: 'routes-to' | 'connects-to', evidence: Record<string, unknown>) => {
    for (const t of to) rels.push({ from: from.id, to: t.id, type, source: 'declared', evidence });
  };
  const svcByNs = new Map<string, InventoryItem[]>();
  for (const s of inv.byKind('Service')) svcByNs.set(s.ci.namespace, [...(svcByNs.get(s.ci.namespace) ?? []), s]);
  for (const a of apps) {
    if (a.workload) {
      rels.push({ from: a.id, to: a.workload.ci.id, type: 'runs-on', source: 'declared', evidence: { files: a.files.map((f) => f.mountPath ?? f.display) } });
      // The Services in front of the app's pods route to the app.
      for (const s of svcByNs.get(a.namespace) ?? []) {
        const sel = (s.obj.spec as any)?.selector;
        if (!sel || !Object.keys(sel).length) continue;
        if (inv.selectPods(a.namespace, sel).some((t) => t.owner.ci.id === a.workload!.ci.id)) {
          rels.push({ from: s.ci.id, to: a.id, type: 'routes-to', source: 'declared', evidence: { ports: servicePorts(inv, s).map((p) => `${p.port}→${p.containerPort ?? p.targetPort}`) } });
        }
      }
    }
    for (const f of a.files) {
      const p = f.parsed;
      if (p.format === 'jeus.xml') {
        for (const c of p.model.connectors) {
          const r = resolveHost(inv, apps, a, c.host?.value, ['webtob']);
          // The web tier routes to the WAS, although JEUS opens the connections (reverse connection pooling).
          for (const w of r.apps) rels.push({ from: w.id, to: a.id, type: 'routes-to', source: 'declared', evidence: { 'webtob-connector': c.name, 'ip-address': c.host?.value, port: c.port?.value, 'registration-id': c.registrationId?.value, service: r.service?.ci.name } });
        }
        for (const d of p.model.dataSources) {
          const r = resolveHost(inv, apps, a, d.serverName?.value, ['tibero']);
          link(a, r.apps, 'connects-to', { 'data-source-id': d.id, 'server-name': d.serverName?.value, 'port-number': d.portNumber?.value, 'database-name': d.databaseName?.value, service: r.service?.ci.name });
        }
      }
      if (p.format === 'nginx.conf') {
        const targets = [...p.view.upstreams.flatMap((u) => u.servers.map((s) => ({ ...s, upstream: u.name }))), ...p.view.proxies.filter((x) => x.direct).map((x) => ({ ...x.direct!, upstream: undefined }))];
        for (const t of targets) {
          const r = resolveHost(inv, apps, a, t.host, ['spring', 'tomcat', 'jeus']);
          link(a, r.apps, 'routes-to', { upstream: t.upstream, server: t.address, service: r.service?.ci.name });
        }
      }
    }
    const jdbc = jdbcUrlOf(a);
    const u = jdbc && parseJdbcUrl(jdbc.url);
    if (u) {
      const r = resolveHost(inv, apps, a, u.host, u.vendor === 'postgresql' ? ['postgresql'] : u.vendor === 'mysql' ? ['mysql'] : ['tibero']);
      link(a, r.apps, 'connects-to', { 'jdbc-url': jdbc!.url, service: r.service?.ci.name });
    }
  }
  return rels;
}

// ---------------------------------------------------------------- inventory with application CIs

function appItem(inv: Inventory, a: AppInstance): InventoryItem {
  const obj: KubeObject = {
    apiVersion: 'hypercas.io/v1alpha1',
    kind: `App.${a.product}`,
    metadata: { name: a.name, namespace: a.namespace || undefined },
    spec: {
      product: a.product,
      workload: a.workload?.ci.id,
      replicas: a.replicas,
      files: a.files.map((f) => ({ format: f.format, mountPath: f.mountPath, configMap: f.configMap?.id, key: f.configMap?.key, file: f.diskPath, sha256: contentHash(f.text) })),
      secretFiles: a.secretFiles,
      // Env values that come from Secrets are not known (and never stored): names only.
      env: Object.keys(a.env).sort(),
    },
  };
  const ci: CI = {
    id: a.id,
    cluster: inv.cluster,
    kind: `App.${a.product}`,
    type: 'application',
    namespace: a.namespace,
    name: a.name,
    labels: {},
    annotations: {},
    config: obj.spec as Record<string, unknown>,
    hash: contentHash(obj.spec),
    source: a.files[0]?.diskPath ? { file: a.files[0].diskPath, line: 1 } : a.workload?.source,
  };
  return { ci, obj, source: ci.source };
}

const attached = new WeakMap<Inventory, Discovery>();

/** The inventory plus application CIs and their relations (a new Inventory; the input is untouched). */
export function withApplications(inv: Inventory, d: Discovery = discoverApplications(inv)): Inventory {
  const extra = d.apps.map((a) => appItem(inv, a));
  const byId = new Map(extra.map((x) => [x.ci.id, x]));
  const items = [...inv.items, ...extra];
  const relations = [...inv.relations, ...d.relations];
  const from = (id: CiId) => d.relations.filter((r) => r.from === id);
  const to = (id: CiId) => d.relations.filter((r) => r.to === id);
  const out: Inventory = {
    ...inv,
    items,
    relations,
    coverage: { ...inv.coverage, kinds: new Set([...inv.coverage.kinds, ...extra.map((x) => x.ci.kind)]) },
    get: (id) => byId.get(id) ?? inv.get(id),
    byKind: (k) => (k.startsWith('App.') ? extra.filter((x) => x.ci.kind === k) : inv.byKind(k)),
    find: (k, ns, n) => byId.get(ciId(inv.cluster, k, ns, n)) ?? inv.find(k, ns, n),
    relationsFrom: (id, type) => [...inv.relationsFrom(id, type), ...from(id).filter((r) => !type || r.type === type)],
    relationsTo: (id, type) => [...inv.relationsTo(id, type), ...to(id).filter((r) => !type || r.type === type)],
    selectPods: inv.selectPods,
  };
  attached.set(out, d);
  attached.set(inv, d);
  return out;
}

/** The discovery for an inventory: the one attached by withApplications, else computed (and cached). */
export function applicationsOf(inv: Inventory): Discovery {
  let d = attached.get(inv);
  if (!d) {
    d = discoverApplications(inv);
    attached.set(inv, d);
  }
  return d;
}
