// API discovery: which resources this server serves (built-ins, aggregated APIs, CRDs), at each
// group's preferred version, filtered to what is worth listing.
import { KubeAccessError } from './errors.js';
import { statusMessage, type KubeHttp } from './http.js';

export interface ApiResource {
  group: string; // '' for core
  version: string;
  /** 'v1' or 'apps/v1': what listed items get as apiVersion. */
  groupVersion: string;
  /** Plural resource name used in URLs: 'pods'. */
  name: string;
  kind: string;
  namespaced: boolean;
}

export interface Discovery {
  resources: ApiResource[];
  warnings: string[];
  serverVersion?: string;
}

/**
 * Skipped unless asked for by `only`. Entries are `resource` (core) or `resource.group`, or a
 * whole group as `*.group`.
 */
export const DEFAULT_SKIP: readonly string[] = [
  // Aggregated metrics APIs: point-in-time samples, not configuration (and often down).
  '*.metrics.k8s.io',
  '*.custom.metrics.k8s.io',
  '*.external.metrics.k8s.io',
  // Deprecated, not objects.
  'componentstatuses',
  // Same Events as core/v1 events, which we collect.
  'events.events.k8s.io',
  // Renewed every few seconds by every controller and node: pure churn.
  'leases.coordination.k8s.io',
];

interface RawResourceList {
  groupVersion?: string;
  resources?: Array<{ name: string; kind: string; namespaced?: boolean; verbs?: string[] }>;
}
interface RawGroupList {
  groups?: Array<{ name: string; preferredVersion?: { groupVersion: string; version: string }; versions?: Array<{ groupVersion: string; version: string }> }>;
}

export function resourceId(r: Pick<ApiResource, 'name' | 'group'>): string {
  return r.group ? `${r.name}.${r.group}` : r.name;
}

function matches(patterns: readonly string[], r: ApiResource): boolean {
  const id = resourceId(r);
  return patterns.some((p) => p === id || p === r.kind || (p.startsWith('*.') && p.slice(2) === r.group));
}

export async function discover(http: KubeHttp, opts: { skip?: string[]; only?: string[] } = {}): Promise<Discovery> {
  const warnings: string[] = [];
  let serverVersion: string | undefined;
  const v = await http.get('/version');
  if (v.status === 200 && v.body && typeof v.body === 'object') serverVersion = (v.body as { gitVersion?: string }).gitVersion;
  else warnings.push(`/version: ${v.status} ${statusMessage(v.body, v.status)}`);

  const api = await http.get('/api');
  checkDiscovery(http, '/api', api);
  const versions = (api.body as { versions?: unknown }).versions;
  if (!Array.isArray(versions) || !versions.includes('v1')) {
    throw new KubeAccessError(`${http.server} does not serve the core v1 API (GET /api lists no v1)`, 'unreachable');
  }
  const core = await http.get('/api/v1');
  checkDiscovery(http, '/api/v1', core);

  const groupVersions: Array<{ group: string; gv: string }> = [];
  const apis = await http.get('/apis');
  if (apis.status === 200) {
    for (const g of (apis.body as RawGroupList).groups ?? []) {
      const gv = g.preferredVersion?.groupVersion ?? g.versions?.[0]?.groupVersion;
      if (gv) groupVersions.push({ group: g.name, gv });
    }
  } else {
    warnings.push(`/apis: ${apis.status} ${statusMessage(apis.body, apis.status)}; only the core API group is collected`);
  }

  const skip = [...DEFAULT_SKIP, ...(opts.skip ?? [])];
  const only = opts.only ?? [];
  // Groups skipped as a whole are not even discovered (metrics APIs are often unavailable).
  const wholeGroupSkipped = (group: string) => only.length === 0 && skip.includes(`*.${group}`);

  const lists = await Promise.all(
    groupVersions.map(async ({ group, gv }) => {
      if (wholeGroupSkipped(group)) return { group, gv, list: undefined };
      const r = await http.get(`/apis/${gv}`);
      if (r.status !== 200) {
        const warning = `API group ${gv}: discovery failed (${r.status} ${statusMessage(r.body, r.status)}); its kinds are not collected`;
        return { group, gv, list: undefined, warning };
      }
      return { group, gv, list: r.body as RawResourceList };
    }),
  );

  // Collected after the parallel requests so the order of warnings does not depend on timing.
  for (const l of lists) if ('warning' in l && l.warning) warnings.push(l.warning);
  const resources: ApiResource[] = [];
  for (const { group, gv, list } of [{ group: '', gv: 'v1', list: core.body as RawResourceList }, ...lists]) {
    if (!list) continue;
    const version = gv.includes('/') ? gv.slice(gv.indexOf('/') + 1) : gv;
    for (const r of list.resources ?? []) {
      if (!r || typeof r.name !== 'string' || r.name.includes('/')) continue; // subresources: pods/log, deployments/scale
      if (!Array.isArray(r.verbs) || !r.verbs.includes('list')) continue; // bindings, tokenreviews, ...
      const res: ApiResource = { group, version, groupVersion: gv, name: r.name, kind: r.kind, namespaced: Boolean(r.namespaced) };
      if (only.length > 0 ? !matches(only, res) : matches(skip, res)) continue;
      resources.push(res);
    }
  }
  return { resources, warnings, serverVersion };
}

function checkDiscovery(http: KubeHttp, path: string, r: { status: number; body: unknown }): void {
  if (r.status === 200 && r.body && typeof r.body === 'object') return;
  if (r.status === 403) throw new KubeAccessError(`forbidden: ${http.server} refused API discovery (GET ${path}): ${statusMessage(r.body, 403)}`, 'forbidden');
  throw new KubeAccessError(`${http.server} does not answer like a Kubernetes API server (GET ${path}: ${r.status} ${statusMessage(r.body, r.status)})`, 'unreachable');
}
