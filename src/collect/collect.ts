// One entry point for "read cluster state": manifest files or live API servers, into Inventories
// ready for the CMDB and the checks. The CLI's collect and scan commands are thin shells over this.
import { loadManifests, type LoadProblem } from './files/load-manifests.js';
import { buildInventory } from '../cmdb/build-inventory.js';
import type { Inventory } from '../cmdb/inventory.js';
import type { CmdbStore, SnapshotResult } from '../cmdb/store.js';
import type { DeniedAccess } from './kubernetes/collect.js';
import { discoverApplications, withApplications } from './middleware/discover.js';
import { readConfigFiles } from './middleware/files.js';

export interface Collected {
  cluster: string;
  /** Files read, or the API server URL. */
  source: string;
  live: boolean;
  inventory: Inventory;
  /** Input problems (file:line), each already a complete sentence. */
  problems: LoadProblem[];
  warnings: string[];
  denied: DeniedAccess[];
  serverVersion?: string;
}

/**
 * Manifests plus the product configuration files beside them (http.m, domain.xml, nginx.conf, ...):
 * the applications running in the workloads become application CIs with their links.
 */
export function collectFiles(paths: string[], opts: { cluster?: string; stdinText?: string; applications?: boolean } = {}): Collected {
  const loaded = loadManifests(paths, opts.stdinText);
  const cluster = opts.cluster ?? 'local';
  const base = buildInventory(loaded.objects, { cluster, live: false });
  const problems = [...loaded.problems];
  let inventory = base;
  if (opts.applications !== false) {
    const fileProblems: Array<{ file: string; message: string }> = [];
    const files = readConfigFiles(paths, fileProblems);
    const discovery = discoverApplications(base, { files });
    inventory = withApplications(base, discovery);
    for (const p of fileProblems) problems.push({ file: p.file, message: p.message, level: 'error' });
    for (const p of discovery.problems) problems.push({ file: p.file, line: p.line, message: p.message, level: 'error' });
  }
  return { cluster: inventory.cluster, source: paths.join(','), live: false, inventory, problems: dedupe(problems), warnings: [], denied: [] };
}

function dedupe(problems: LoadProblem[]): LoadProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const k = `${p.file}:${p.line}:${p.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export interface LiveRequest {
  kubeconfig?: string;
  contexts?: string[];
  inCluster?: boolean;
  onProgress?: (line: string) => void;
}

/** Collects every requested cluster; one cluster's failure is reported and the others continue. */
export async function collectClusters(req: LiveRequest): Promise<Array<Collected | { cluster: string; error: Error }>> {
  const { loadKubeConfigs, collectLive } = await import('./kubernetes/index.js');
  const configs = loadKubeConfigs({ kubeconfig: req.kubeconfig, contexts: req.contexts, inCluster: req.inCluster });
  const out: Array<Collected | { cluster: string; error: Error }> = [];
  for (const c of configs) {
    try {
      const live = await collectLive(c.kc, { cluster: c.cluster, onProgress: req.onProgress });
      const denied = new Map<string, string>();
      // Only kinds denied everywhere count as unreadable; per-namespace denials are warnings.
      for (const d of live.denied) if (!d.namespace) denied.set(d.kind, d.message);
      const base = buildInventory(live.objects.map((obj) => ({ obj, source: { url: live.source } })), { cluster: live.cluster, live: true, denied, kinds: live.kinds, serverVersion: live.serverVersion });
      const inventory = withApplications(base);
      out.push({ cluster: inventory.cluster, source: live.source, live: true, inventory, problems: [], warnings: live.warnings, denied: live.denied, serverVersion: live.serverVersion });
    } catch (e) {
      out.push({ cluster: c.cluster, error: e as Error });
    }
  }
  return out;
}

export function storeCollected(store: CmdbStore, c: Collected, time?: string): SnapshotResult {
  const unreadableKinds = [...new Set(c.denied.map((d) => d.kind))];
  return store.recordSnapshot({
    cluster: c.cluster,
    source: c.source,
    cis: c.inventory.items.map((i) => i.ci),
    relations: c.inventory.relations,
    time,
    unreadableKinds,
  });
}
