// Live collection: discover, then list every readable resource with paging, tolerating partial
// access (403 per kind or per namespace) and expired continue tokens (410).
import type { KubeConfig } from '@kubernetes/client-node';
import { ciKind, type KubeObject } from '../../model/kube.js';
import { discover, resourceId, type ApiResource } from './discovery.js';
import { KubeHttp, statusMessage, type KubeHttpOptions } from './http.js';
import { clusterNameOf } from './kubeconfig.js';
import { sanitizeObject } from '../sanitize.js';

export interface CollectLiveOptions extends KubeHttpOptions {
  /** Cluster name for CI ids; default the context's cluster name. */
  cluster?: string;
  /** Namespaces to list a kind in when it is forbidden cluster-wide, besides those the Namespace list returns. */
  namespaces?: string[];
  /** Items per list request (`limit`). */
  pageSize?: number;
  /** Extra resources to skip: `pods`, `rollouts.argoproj.io`, a Kind, or `*.group`. */
  skip?: string[];
  /** Collect only these (same syntax); overrides the default skip list. */
  only?: string[];
  /** Progress lines (one per resource listed), for a CLI spinner or --verbose. */
  onProgress?: (line: string) => void;
}

export interface DeniedAccess {
  /** CI kind (ciKind): `Secret`, `Rollout.argoproj.io`. */
  kind: string;
  /** Absent: denied cluster-wide (cluster-scoped kind, or no namespace to fall back on). */
  namespace?: string;
  /** HTTP status: 403, or 410 when a list expired twice, 404 when the resource vanished. */
  status: number;
  message: string;
}

export interface LiveCollection {
  cluster: string;
  /** Sanitised objects with apiVersion and kind set. */
  objects: KubeObject[];
  /** CI kinds listed (fully, or in some namespaces; see `denied` for what is missing). */
  kinds: string[];
  /** What could not be read: a snapshot must not treat these kinds/namespaces as emptied. */
  denied: DeniedAccess[];
  warnings: string[];
  serverVersion?: string;
  /** API server URL. */
  source: string;
}

interface ListOutcome {
  items: KubeObject[];
  error?: { status: number; message: string };
  warnings: string[];
}

interface ResourceOutcome {
  objects: KubeObject[];
  listed: boolean;
  denied: DeniedAccess[];
  warnings: string[];
}

export async function collectLive(kc: KubeConfig, opts: CollectLiveOptions = {}): Promise<LiveCollection> {
  const http = new KubeHttp(kc, opts);
  const cluster = opts.cluster ?? clusterNameOf(kc);
  const pageSize = Math.max(1, opts.pageSize ?? 500);
  const disc = await discover(http, { skip: opts.skip, only: opts.only });
  const warnings = [...disc.warnings];

  // Namespaces first: they are the fallback scope for kinds forbidden cluster-wide.
  const nsRes = disc.resources.find((r) => r.group === '' && r.name === 'namespaces');
  const rest = disc.resources.filter((r) => r !== nsRes);
  const nsOutcome = nsRes ? await collectResource(nsRes, undefined) : undefined;
  const listedNs = nsOutcome?.listed ? nsOutcome.objects.map((o) => o.metadata.name).filter((n): n is string => Boolean(n)) : undefined;
  // Explicit namespaces widen the listed ones (e.g. created since); without either, the context's.
  const fallbackNamespaces = [...new Set([...(listedNs ?? []), ...(opts.namespaces ?? [])])];
  if (fallbackNamespaces.length === 0) fallbackNamespaces.push(kc.getContextObject(kc.getCurrentContext())?.namespace || 'default');
  if (nsRes && !listedNs) {
    warnings.push(`Namespace list unavailable; kinds forbidden cluster-wide are listed in: ${fallbackNamespaces.join(', ')}`);
  }

  const outcomes = await Promise.all(rest.map((r) => collectResource(r, fallbackNamespaces)));
  const all = rest.map((r, i) => ({ r, o: outcomes[i] }));
  if (nsRes && nsOutcome) all.unshift({ r: nsRes, o: nsOutcome });

  const objects: KubeObject[] = [];
  const kinds = new Set<string>();
  const denied: DeniedAccess[] = [];
  for (const { r, o } of all) {
    for (const obj of o.objects) objects.push(obj);
    if (o.listed) kinds.add(ciKind(r.groupVersion, r.kind));
    denied.push(...o.denied);
    warnings.push(...o.warnings);
  }
  return { cluster, objects, kinds: [...kinds].sort(), denied, warnings, serverVersion: disc.serverVersion, source: http.server };

  async function collectResource(r: ApiResource, nsScope: string[] | undefined): Promise<ResourceOutcome> {
    const kind = ciKind(r.groupVersion, r.kind);
    const label = `${r.kind} (${resourceId(r)})`;
    const base = r.group ? `/apis/${r.groupVersion}` : '/api/v1';
    const whole = await listAll(`${base}/${r.name}`, label, r);
    const out: ResourceOutcome = { objects: whole.items, listed: !whole.error, denied: [], warnings: [...whole.warnings] };
    if (!whole.error) {
      opts.onProgress?.(`${label}: ${whole.items.length}`);
      return out;
    }
    const { status, message } = whole.error;
    if (status === 403 && r.namespaced && nsScope && nsScope.length > 0) {
      // Namespaced RBAC (RoleBindings) is common: try each namespace we know of.
      out.warnings.push(`${label}: forbidden cluster-wide (403); listing per namespace`);
      // In parallel (the request semaphore bounds it), merged in namespace order for stable output.
      const perNs = await Promise.all(
        nsScope.map((ns) => listAll(`${base}/namespaces/${encodeURIComponent(ns)}/${r.name}`, `${label} in namespace ${ns}`, r)),
      );
      perNs.forEach((one, i) => {
        const ns = nsScope[i];
        out.warnings.push(...one.warnings);
        if (one.error) {
          out.denied.push({ kind, namespace: ns, status: one.error.status, message: one.error.message });
          out.warnings.push(`${label} in namespace ${ns}: ${one.error.status === 403 ? 'forbidden' : 'failed'} (${one.error.status}): ${one.error.message}`);
        } else {
          out.listed = true;
          for (const o of one.items) out.objects.push(o);
        }
      });
      opts.onProgress?.(`${label}: ${out.objects.length} (per namespace)`);
      return out;
    }
    out.denied.push({ kind, status, message });
    out.warnings.push(`${label}: ${status === 403 ? 'forbidden' : 'failed'} (${status}): ${message}`);
    return out;
  }

  /** Every page of one list; `continue` tokens followed, one restart on 410 Gone. */
  async function listAll(path: string, label: string, r: ApiResource): Promise<ListOutcome> {
    const warnings: string[] = [];
    let items: KubeObject[] = [];
    let cont: string | undefined;
    let restarted = false;
    for (;;) {
      const query: Record<string, string> = { limit: String(pageSize) };
      if (cont) query.continue = cont;
      const rsp = await http.get(path, query);
      if (rsp.status === 410 && cont) {
        if (restarted) {
          return { items: [], warnings, error: { status: 410, message: `continue token expired twice: ${statusMessage(rsp.body, 410)}` } };
        }
        restarted = true;
        warnings.push(`${label}: continue token expired (410 Gone) after ${items.length} items; restarted the list`);
        items = [];
        cont = undefined;
        continue;
      }
      if (rsp.status !== 200) return { items: [], warnings, error: { status: rsp.status, message: statusMessage(rsp.body, rsp.status) } };
      const body = rsp.body as { items?: unknown; metadata?: { continue?: string } } | undefined;
      if (!body || typeof body !== 'object' || !Array.isArray(body.items)) {
        return { items: [], warnings, error: { status: rsp.status, message: `unexpected response: not a ${r.kind}List` } };
      }
      for (const raw of body.items as unknown[]) {
        if (!raw || typeof raw !== 'object') continue;
        // List items come without apiVersion/kind; the resource we asked for says what they are.
        const obj = { apiVersion: r.groupVersion, kind: r.kind, ...(raw as object) } as KubeObject;
        obj.apiVersion = r.groupVersion;
        obj.kind = r.kind;
        if (!obj.metadata || typeof obj.metadata !== 'object') obj.metadata = {};
        // The shared sanitiser (also used for manifest files): Secret values hashed before anything sees them.
        items.push(sanitizeObject(obj));
      }
      const next = body.metadata?.continue || undefined;
      if (!next) return { items, warnings };
      if (next === cont) {
        // A proxy or a buggy aggregated API echoing the token would loop forever.
        return { items: [], warnings, error: { status: rsp.status, message: 'the server returned the same continue token twice' } };
      }
      cont = next;
    }
  }
}

