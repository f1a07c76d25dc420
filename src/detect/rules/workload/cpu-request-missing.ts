import { resourceCheck } from './resources-shared.js';

export const check = resourceCheck('requests', 'cpu', 'warning', ['polaris:cpuRequestsMissing', 'kube-score:container-resources', 'kube-linter:unset-cpu-requirements'],
  'Without a CPU request the scheduler places the pod as if it needed nothing: nodes get overcommitted and the pod is first to starve under contention (BestEffort/Burstable QoS).');
