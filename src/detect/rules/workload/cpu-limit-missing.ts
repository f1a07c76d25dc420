import { resourceCheck } from './resources-shared.js';

// Info: many operators deliberately run without CPU limits (throttling hurts latency); kube-score has
// --ignore-container-cpu-limit and detek disables it by default.
export const check = resourceCheck('limits', 'cpu', 'info', ['polaris:cpuLimitsMissing', 'kube-score:container-resources', 'kube-linter:unset-cpu-requirements'],
  'Without a CPU limit one busy container can use all spare CPU on its node. Many teams leave CPU limits off on purpose to avoid throttling, so this is informational; a namespace ResourceQuota on limits.cpu will reject such pods.');
