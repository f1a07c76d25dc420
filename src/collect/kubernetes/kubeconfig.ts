// Which clusters to talk to: the kubeconfig's current context, each --context, or the pod's
// service account. Every failure is a KubeAccessError('kubeconfig') naming the file or context.
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { KubeAccessError, errorMessage } from './errors.js';

export interface LoadKubeConfigOptions {
  /** Path to a kubeconfig; default $KUBECONFIG (a path list, merged like kubectl does) or ~/.kube/config. */
  kubeconfig?: string;
  /** Contexts to collect, one cluster each; default the current context. */
  contexts?: string[];
  /** Use the pod's service account (KUBERNETES_SERVICE_HOST + /var/run/secrets/kubernetes.io/serviceaccount). */
  inCluster?: boolean;
  /** Test seams. */
  env?: NodeJS.ProcessEnv;
  home?: string;
  /** Prefix for /var/run/secrets/kubernetes.io/serviceaccount (tests). */
  serviceAccountPrefix?: string;
}

export interface LoadedKubeConfig {
  kc: KubeConfig;
  /** Context name ('inClusterContext' in a pod). */
  context: string;
  /** Cluster name for CI ids: the context's cluster, '/' replaced (EKS names are ARNs with '/'). */
  cluster: string;
  /** Where the credentials came from: kubeconfig path(s) or 'in-cluster'. */
  source: string;
}

const SERVICE_ACCOUNT_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';
/** Names KubeConfig.loadFromCluster gives its context, and ours for the cluster. */
const IN_CLUSTER_CONTEXT = 'inClusterContext';
const IN_CLUSTER_NAME = 'in-cluster';

export function sanitizeClusterName(name: string): string {
  const s = name.trim().replace(/[/\\\s]+/g, '_');
  return s || 'cluster';
}

/** The CI cluster name of a KubeConfig's current context. */
export function clusterNameOf(kc: KubeConfig): string {
  // A service account cannot tell the cluster's name; callers pass their own (collectLive opts.cluster).
  if (kc.getCurrentContext() === IN_CLUSTER_CONTEXT) return IN_CLUSTER_NAME;
  const ctx = kc.getContextObject(kc.getCurrentContext());
  return sanitizeClusterName(ctx?.cluster || kc.getCurrentCluster()?.name || 'cluster');
}

export function loadKubeConfigs(opts: LoadKubeConfigOptions = {}): LoadedKubeConfig[] {
  const env = opts.env ?? process.env;
  if (opts.inCluster) return [loadInCluster(env, opts.serviceAccountPrefix)];

  let files: string[];
  if (opts.kubeconfig) {
    if (!existsSync(opts.kubeconfig)) throw new KubeAccessError(`kubeconfig ${opts.kubeconfig}: no such file`, 'kubeconfig');
    files = [opts.kubeconfig];
  } else if (env.KUBECONFIG) {
    // kubectl skips missing entries of the list; so do we, unless none exists.
    const listed = env.KUBECONFIG.split(delimiter).filter(Boolean);
    files = listed.filter((f) => existsSync(f));
    if (files.length === 0) throw new KubeAccessError(`kubeconfig ${listed.join(delimiter)} (from $KUBECONFIG): no such file`, 'kubeconfig');
  } else {
    const def = join(opts.home ?? homedir(), '.kube', 'config');
    if (existsSync(def)) files = [def];
    else if (env.KUBERNETES_SERVICE_HOST) return [loadInCluster(env, opts.serviceAccountPrefix)];
    else throw new KubeAccessError(`no kubeconfig: ${def} does not exist and $KUBECONFIG is not set (use --kubeconfig, or run in a cluster)`, 'kubeconfig');
  }
  const source = files.join(delimiter);
  const load = (): KubeConfig => {
    const kc = new KubeConfig();
    for (const f of files) {
      const one = new KubeConfig();
      try {
        one.loadFromFile(f);
      } catch (e) {
        throw new KubeAccessError(`kubeconfig ${f}: ${errorMessage(e)}`, 'kubeconfig');
      }
      // As kubectl merges $KUBECONFIG: the first file to set current-context or a name wins
      // (KubeConfig.mergeConfig would throw on a duplicate name instead).
      if (!kc.currentContext && one.currentContext) kc.currentContext = one.currentContext;
      for (const c of one.clusters) if (!kc.getCluster(c.name)) kc.addCluster(c);
      for (const u of one.users) if (!kc.getUser(u.name)) kc.addUser(u);
      for (const c of one.contexts) if (!kc.getContextObject(c.name)) kc.addContext(c);
    }
    return kc;
  };

  const first = load();
  const available = first.getContexts().map((c) => c.name);
  const wanted = opts.contexts && opts.contexts.length > 0 ? [...new Set(opts.contexts)] : [first.getCurrentContext()];
  if (!wanted[0]) {
    throw new KubeAccessError(`kubeconfig ${source}: no current-context set (use --context; available: ${available.join(', ') || 'none'})`, 'kubeconfig');
  }
  return wanted.map((name, i) => {
    // A fresh KubeConfig per context: each carries its own current context and auth caches.
    const kc = i === 0 ? first : load();
    const ctx = kc.getContextObject(name);
    if (!ctx) {
      throw new KubeAccessError(`kubeconfig ${source}: context "${name}" not found (available: ${available.join(', ') || 'none'})`, 'kubeconfig');
    }
    kc.setCurrentContext(name);
    const cluster = kc.getCluster(ctx.cluster);
    if (!cluster) throw new KubeAccessError(`kubeconfig ${source}: context "${name}" refers to unknown cluster "${ctx.cluster}"`, 'kubeconfig');
    if (ctx.user && !kc.getUser(ctx.user)) {
      throw new KubeAccessError(`kubeconfig ${source}: context "${name}" refers to unknown user "${ctx.user}"`, 'kubeconfig');
    }
    return { kc, context: name, cluster: sanitizeClusterName(ctx.cluster), source };
  });
}

function loadInCluster(env: NodeJS.ProcessEnv, prefix = ''): LoadedKubeConfig {
  if (!env.KUBERNETES_SERVICE_HOST || !env.KUBERNETES_SERVICE_PORT) {
    throw new KubeAccessError('in-cluster: KUBERNETES_SERVICE_HOST/KUBERNETES_SERVICE_PORT are not set (not running in a pod?)', 'kubeconfig');
  }
  const token = join(prefix + SERVICE_ACCOUNT_DIR, 'token');
  if (!existsSync(token)) throw new KubeAccessError(`in-cluster: service account token ${token} not found (automountServiceAccountToken: false?)`, 'kubeconfig');
  const kc = new KubeConfig();
  // loadFromCluster reads this process's environment; `env` may differ in tests, so lend it for the call.
  const saved = { host: process.env.KUBERNETES_SERVICE_HOST, port: process.env.KUBERNETES_SERVICE_PORT };
  process.env.KUBERNETES_SERVICE_HOST = env.KUBERNETES_SERVICE_HOST;
  process.env.KUBERNETES_SERVICE_PORT = env.KUBERNETES_SERVICE_PORT;
  try {
    kc.loadFromCluster(prefix);
  } finally {
    restoreEnv('KUBERNETES_SERVICE_HOST', saved.host);
    restoreEnv('KUBERNETES_SERVICE_PORT', saved.port);
  }
  return { kc, context: kc.getCurrentContext(), cluster: clusterNameOf(kc), source: 'in-cluster' };
}

function restoreEnv(k: string, v: string | undefined): void {
  if (v === undefined) delete process.env[k];
  else process.env[k] = v;
}
