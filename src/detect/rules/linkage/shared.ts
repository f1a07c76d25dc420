// What the linkage checks share: the discovered stack, the links between tiers resolved through
// Kubernetes Services, one way to build a finding, and config-file diffs as patches.
import type { CiId } from '../../../model/ci.js';
import type { Finding, Patch, Severity } from '../../../model/finding.js';
import type { Inventory, InventoryItem } from '../../../cmdb/inventory.js';
import type { CheckMeta } from '../../check.js';
import { applicationsOf, resolveHost, servicePorts, jdbcUrlOf, type AppInstance, type ConfigFile, type Resolution, type ServicePortMap } from '../../../collect/middleware/discover.js';
import type { JeusConnector, JeusDataSource } from '../../../collect/middleware/jeus.js';
import type { WebtobLinkView } from '../../../collect/middleware/webtob.js';
import type { TiberoParams, TbdsnAlias } from '../../../collect/middleware/tibero.js';
import type { NginxView } from '../../../collect/middleware/nginx.js';
import type { PgConf } from '../../../collect/middleware/postgresql.js';
import type { MyCnf } from '../../../collect/middleware/mysql.js';
import { parseJdbcUrl } from '../../../collect/middleware/spring.js';
import { unifiedDiff, type LineEdit } from './diff.js';

export type { AppInstance, ConfigFile };

export function apps(inv: Inventory, product?: AppInstance['product']): AppInstance[] {
  const all = applicationsOf(inv).apps;
  return product ? all.filter((a) => a.product === product) : all;
}

/** `shop-tmax/jeus` — how messages name an app. */
export const label = (a: AppInstance) => (a.namespace ? `${a.namespace}/${a.name}` : a.name);

/** Path used in diff headers: the file on disk, else configmap/<ns>/<name>/<key>. */
export function patchPath(f: ConfigFile): string {
  if (f.diskPath) return f.diskPath.replace(/^(\.{1,2}\/|\/)+/, '');
  if (f.configMap) return `configmap/${f.configMap.namespace}/${f.configMap.name}/${f.configMap.key}`;
  return f.display;
}

export function diffPatch(f: ConfigFile, edits: LineEdit[]): Patch | undefined {
  const content = unifiedDiff(patchPath(f), f.text, edits);
  return content ? { type: 'diff', target: f.configMap?.id, content } : undefined;
}

export interface LinkFindingInput {
  cis: Array<CiId | InventoryItem | undefined>;
  message: string;
  evidence: Record<string, unknown>;
  fix: string;
  patch?: Patch;
  file?: ConfigFile;
  line?: number;
  severity?: Severity;
}

export function linkFinding(meta: CheckMeta, f: LinkFindingInput): Finding {
  const cis: CiId[] = [];
  for (const c of f.cis) {
    const id = typeof c === 'string' ? c : c?.ci.id;
    if (id && !cis.includes(id)) cis.push(id);
  }
  const out: Finding = { checkId: meta.id, severity: f.severity ?? meta.severity, title: meta.title, message: f.message, cis, evidence: f.evidence, fix: f.fix };
  if (meta.aliases?.length) out.aliases = meta.aliases;
  if (f.patch) out.patch = f.patch;
  if (f.file) {
    const o = f.file.origin;
    out.location = !f.file.diskPath && o ? { file: o.file, line: f.line ? o.line + f.line - 1 : o.line } : { file: f.file.diskPath ?? f.file.display, line: f.line };
  }
  return out;
}

export const filesOf = <F extends ConfigFile['parsed']['format']>(a: AppInstance, format: F) =>
  a.files.filter((f) => f.parsed.format === format) as Array<ConfigFile & { parsed: Extract<ConfigFile['parsed'], { format: F }> }>;

// ------------------------------------------------------------------ per-product views

export function webtobOf(a: AppInstance): { file: ConfigFile; view: WebtobLinkView } | undefined {
  const f = filesOf(a, 'webtob.http.m')[0];
  return f && { file: f, view: f.parsed.view };
}

export function tipOf(a: AppInstance): { file: ConfigFile; params: TiberoParams } | undefined {
  const f = filesOf(a, 'tibero.tip')[0];
  return f && { file: f, params: f.parsed.params };
}

export function tbdsnOf(a: AppInstance): { file: ConfigFile; aliases: TbdsnAlias[] } | undefined {
  const f = filesOf(a, 'tibero.tbdsn')[0];
  return f && { file: f, aliases: f.parsed.aliases };
}

export function pgOf(a: AppInstance): { file: ConfigFile; conf: PgConf } | undefined {
  const f = filesOf(a, 'postgresql.conf')[0];
  return f && { file: f, conf: f.parsed.model };
}

export function mycnfOf(a: AppInstance): { file: ConfigFile; conf: MyCnf } | undefined {
  const f = filesOf(a, 'mysql.cnf')[0];
  return f && { file: f, conf: f.parsed.model };
}

export function nginxOf(a: AppInstance): { file: ConfigFile; view: NginxView } | undefined {
  const f = filesOf(a, 'nginx.conf')[0];
  return f && { file: f, view: f.parsed.view };
}

/** Service ports that deliver to `serverPort` on the server pods. */
export function portsTo(inv: Inventory, svc: InventoryItem | undefined, serverPort: number): ServicePortMap[] {
  return svc ? servicePorts(inv, svc).filter((p) => p.containerPort === serverPort) : [];
}

// ------------------------------------------------------------------ links

export interface WjLink {
  jeus: AppInstance;
  file: ConfigFile;
  connector: JeusConnector;
  res: Resolution;
  webtob?: AppInstance;
  httpm?: { file: ConfigFile; view: WebtobLinkView };
}

const linkCache = new WeakMap<Inventory, Map<string, unknown>>();
function cached<T>(inv: Inventory, key: string, make: () => T): T {
  let m = linkCache.get(inv);
  if (!m) linkCache.set(inv, (m = new Map()));
  if (!m.has(key)) m.set(key, make());
  return m.get(key) as T;
}

export function wjLinks(inv: Inventory): WjLink[] {
  return cached(inv, 'wj', () => {
    const all = apps(inv);
    const out: WjLink[] = [];
    for (const jeus of all.filter((a) => a.product === 'jeus')) {
      for (const file of filesOf(jeus, 'jeus.xml')) {
        for (const connector of file.parsed.model.connectors) {
          const res = resolveHost(inv, all, jeus, connector.pipe ? undefined : connector.host?.value, ['webtob']);
          const webtob = res.apps.length === 1 ? res.apps[0] : undefined;
          out.push({ jeus, file, connector, res, webtob, httpm: webtob && webtobOf(webtob) });
        }
      }
    }
    return out;
  });
}

export interface JtLink {
  jeus: AppInstance;
  file: ConfigFile;
  ds: JeusDataSource;
  res: Resolution;
  tibero?: AppInstance;
  tip?: { file: ConfigFile; params: TiberoParams };
}

const isTiberoDs = (d: JeusDataSource) => /tibero/i.test(d.vendor ?? '') || /com\.tmax\.tibero/.test(d.className?.value ?? '');

export function jtLinks(inv: Inventory): JtLink[] {
  return cached(inv, 'jt', () => {
    const all = apps(inv);
    const out: JtLink[] = [];
    for (const jeus of all.filter((a) => a.product === 'jeus')) {
      for (const file of filesOf(jeus, 'jeus.xml')) {
        for (const ds of file.parsed.model.dataSources) {
          if (!isTiberoDs(ds)) continue;
          const res = resolveHost(inv, all, jeus, ds.serverName?.value, ['tibero']);
          const tibero = res.apps.length === 1 ? res.apps[0] : undefined;
          out.push({ jeus, file, ds, res, tibero, tip: tibero && tipOf(tibero) });
        }
      }
    }
    return out;
  });
}

export interface NaLink {
  nginx: AppInstance;
  file: ConfigFile;
  host: string;
  port?: number;
  line: number;
  address: string;
  upstream?: string;
  res: Resolution;
  backend?: AppInstance;
}

export function naLinks(inv: Inventory): NaLink[] {
  return cached(inv, 'na', () => {
    const all = apps(inv);
    const out: NaLink[] = [];
    for (const nginx of all.filter((a) => a.product === 'nginx')) {
      const n = nginxOf(nginx);
      if (!n) continue;
      const targets = [
        ...n.view.upstreams.flatMap((u) => u.servers.map((s) => ({ ...s, upstream: u.name as string | undefined }))),
        ...n.view.proxies.filter((p) => p.direct).map((p) => ({ ...p.direct!, upstream: undefined })),
      ];
      for (const t of targets) {
        const res = resolveHost(inv, all, nginx, t.host, ['spring', 'tomcat', 'jeus']);
        // File of the directive (an include may live in another ConfigMap key; fall back to the main file).
        const file = nginx.files.find((f) => (f.diskPath ?? f.display) === t.file || f.mountPath === t.file) ?? n.file;
        out.push({ nginx, file, host: t.host, port: t.port, line: t.line, address: t.address, upstream: t.upstream, res, backend: res.apps.length === 1 ? res.apps[0] : undefined });
      }
    }
    return out;
  });
}

export interface JdbcLink {
  app: AppInstance;
  url: string;
  file?: ConfigFile;
  line?: number;
  origin: string;
  host: string;
  port?: number;
  database?: string;
  vendor: string;
  res: Resolution;
  db?: AppInstance;
}

export function jdbcLinks(inv: Inventory): JdbcLink[] {
  return cached(inv, 'jdbc', () => {
    const all = apps(inv);
    const out: JdbcLink[] = [];
    for (const app of all.filter((a) => a.product === 'spring' || a.product === 'tomcat')) {
      const j = jdbcUrlOf(app);
      const u = j && parseJdbcUrl(j.url);
      if (!j || !u) continue;
      const products: AppInstance['product'][] = u.vendor === 'postgresql' ? ['postgresql'] : u.vendor === 'mysql' ? ['mysql'] : ['tibero'];
      const res = resolveHost(inv, all, app, u.host, products);
      out.push({ app, url: j.url, file: j.file, line: j.line, origin: j.origin, ...u, res, db: res.apps.length === 1 ? res.apps[0] : undefined });
    }
    return out;
  });
}

export function num(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^\s*\d+\s*$/.test(v)) return Number(v);
  return undefined;
}
