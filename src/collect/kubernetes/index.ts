// Live Kubernetes collection: kubeconfig/in-cluster loading, discovery, paged listing, redaction.
export { loadKubeConfigs, clusterNameOf, sanitizeClusterName, type LoadKubeConfigOptions, type LoadedKubeConfig } from './kubeconfig.js';
export { collectLive, type CollectLiveOptions, type LiveCollection, type DeniedAccess } from './collect.js';
export { discover, DEFAULT_SKIP, resourceId, type ApiResource, type Discovery } from './discovery.js';
export { KubeAccessError, type KubeAccessReason } from './errors.js';
