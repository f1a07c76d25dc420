// API discovery: which resources this server serves (built-ins, aggregated APIs, CRDs), at each
// group's preferred version, filtered to what is worth listing.
import { ciKind } from '../../model/kube.js';
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

/**
 * Aggregated discovery (GA in 1.30, on by default since 1.27): the whole API in two requests, where
 * legacy discovery needs one per group — hundreds with many CRDs. Servers without it ignore the
 * unknown media types and answer the legacy document (the trailing application/json).
 */
export const AGGREGATED_ACCEPT =
  'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json';

interface AggregatedList {
  kind: 'APIGroupDiscoveryList';
  items?: Array<{
    metadata?: { name?: string };
    versions?: Array<{
      version: string;
      freshness?: string;
      resources?: Array<{ resource: string; responseKind?: { kind?: string }; scope?: string; verbs?: string[] }>;
    }>;
  }>;
}

function isAggregated(body: unknown): body is AggregatedList {
  return Boolean(body && typeof body === 'object' && (body as { kind?: unknown }).kind === 'APIGroupDiscoveryList');
}

/** A resource as either discovery format describes it, before filtering. */
interface Candidate {
  group: string;
  gv: string;
  name: string;
  kind: string;
  namespaced: boolean;
  verbs: unknown;
}

export async function discover(http: KubeHttp, opts: { skip?: string[]; only?: string[] } = {}): Promise<Discovery> {
  const warnings: string[] = [];
  let serverVersion: string | undefined;
  const v = await http.get('/version');
  if (v.status === 200 && v.body && typeof v.body === 'object') serverVersion = (v.body as { gitVersion?: string }).gitVersion;
  else warnings.push(`/version: ${v.status} ${statusMessage(v.body, v.status)}`);

  const skip = [...DEFAULT_SKIP, ...(opts.skip ?? [])];
  const only = opts.only ?? [];
  // Groups skipped as a whole are not even discovered (metrics APIs are often unavailable).
  const wholeGroupSkipped = (group: string) => only.length === 0 && skip.includes(`*.${group}`);

  const api = await http.get('/api', {}, AGGREGATED_ACCEPT);
  checkDiscovery(http, '/api', api);
  let candidates: Candidate[];
  if (isAggregated(api.body)) {
    candidates = fromAggregated(api.body, warnings, wholeGroupSkipped);
    const apis = await http.get('/apis', {}, AGGREGATED_ACCEPT);
    if (apis.status === 200 && isAggregated(apis.body)) candidates.push(...fromAggregated(apis.body, warnings, wholeGroupSkipped));
    else candidates.push(...(await legacyGroups(http, warnings, wholeGroupSkipped)));
  } else {
    const versions = (api.body as { versions?: unknown }).versions;
    if (!Array.isArray(versions) || !versions.includes('v1')) {
      throw new KubeAccessError(`${http.server} does not serve the core v1 API (GET /api lists no v1)`, 'unreachable');
    }
    const core = await http.get('/api/v1');
    checkDiscovery(http, '/api/v1', core);
    candidates = fromLegacy('', 'v1', core.body as RawResourceList);
    candidates.push(...(await legacyGroups(http, warnings, wholeGroupSkipped)));
  }

  const resources: ApiResource[] = [];
  for (const c of candidates) {
    if (!c.name || !c.kind || c.name.includes('/')) continue; // subresources: pods/log, deployments/scale
    if (!Array.isArray(c.verbs) || !c.verbs.includes('list')) continue; // bindings, tokenreviews, ...
    const version = c.gv.includes('/') ? c.gv.slice(c.gv.indexOf('/') + 1) : c.gv;
    const res: ApiResource = { group: c.group, version, groupVersion: c.gv, name: c.name, kind: c.kind, namespaced: c.namespaced };
    if (only.length > 0 ? !matches(only, res) : matches(skip, res)) continue;
    resources.push(res);
  }
  return { resources: dedupeKinds(resources), warnings, serverVersion };
}

/**
 * Old servers serve some built-in kinds in two groups (Ingress in extensions and
 * networking.k8s.io; the same objects twice). Both map to one CI kind, so keep one: never
 * `extensions`, else the first served.
 */
function dedupeKinds(resources: ApiResource[]): ApiResource[] {
  const byKind = new Map<string, ApiResource>();
  for (const r of resources) {
    const k = ciKind(r.groupVersion, r.kind);
    const prev = byKind.get(k);
    if (!prev || (prev.group === 'extensions' && r.group !== 'extensions')) byKind.set(k, r);
  }
  const keep = new Set(byKind.values());
  return resources.filter((r) => keep.has(r));
}

function fromLegacy(group: string, gv: string, list: RawResourceList): Candidate[] {
  return (list.resources ?? [])
    .filter((r) => r && typeof r.name === 'string')
    .map((r) => ({ group, gv, name: r.name, kind: r.kind, namespaced: Boolean(r.namespaced), verbs: r.verbs }));
}

function fromAggregated(doc: AggregatedList, warnings: string[], skipped: (group: string) => boolean): Candidate[] {
  const out: Candidate[] = [];
  for (const item of doc.items ?? []) {
    const group = item.metadata?.name ?? '';
    if (skipped(group)) continue;
    const preferred = item.versions?.[0]; // versions are sorted by preference
    if (!preferred) continue;
    const gv = group ? `${group}/${preferred.version}` : preferred.version;
    if (preferred.freshness === 'Stale') {
      // An aggregated API server that is down: its lists would fail too.
      warnings.push(`API group ${gv}: discovery stale (its API service is unavailable); its kinds are not collected`);
      continue;
    }
    for (const r of preferred.resources ?? []) {
      // Subresources are nested in this format, so `resource` is never `pods/log`.
      out.push({ group, gv, name: r.resource, kind: r.responseKind?.kind ?? '', namespaced: r.scope === 'Namespaced', verbs: r.verbs });
    }
  }
  return out;
}

/** Legacy discovery of the named groups: /apis, then /apis/<group>/<preferred version> each. */
async function legacyGroups(http: KubeHttp, warnings: string[], skipped: (group: string) => boolean): Promise<Candidate[]> {
  const groupVersions: Array<{ group: string; gv: string }> = [];
  const apis = await http.get('/apis');
  if (apis.status === 200 && apis.body && typeof apis.body === 'object') {
    for (const g of (apis.body as RawGroupList).groups ?? []) {
      const gv = g.preferredVersion?.groupVersion ?? g.versions?.[0]?.groupVersion;
      if (gv && !skipped(g.name)) groupVersions.push({ group: g.name, gv });
    }
  } else {
    warnings.push(`/apis: ${apis.status} ${statusMessage(apis.body, apis.status)}; only the core API group is collected`);
  }
  const lists = await Promise.all(
    groupVersions.map(async ({ group, gv }) => {
      const r = await http.get(`/apis/${gv}`);
      if (r.status !== 200 || !r.body || typeof r.body !== 'object') {
        return { warning: `API group ${gv}: discovery failed (${r.status} ${statusMessage(r.body, r.status)}); its kinds are not collected`, candidates: [] };
      }
      return { warning: undefined, candidates: fromLegacy(group, gv, r.body as RawResourceList) };
    }),
  );
  // Warnings gathered after the parallel requests so their order does not depend on timing.
  const out: Candidate[] = [];
  for (const l of lists) {
    if (l.warning) warnings.push(l.warning);
    out.push(...l.candidates);
  }
  return out;
}

function checkDiscovery(http: KubeHttp, path: string, r: { status: number; body: unknown }): void {
  if (r.status === 200 && r.body && typeof r.body === 'object') return;
  if (r.status === 403) throw new KubeAccessError(`forbidden: ${http.server} refused API discovery (GET ${path}): ${statusMessage(r.body, 403)}`, 'forbidden');
  throw new KubeAccessError(`${http.server} does not answer like a Kubernetes API server (GET ${path}: ${r.status} ${statusMessage(r.body, r.status)})`, 'unreachable');
}
