import { resourceCheck } from './resources-shared.js';

export const check = resourceCheck('requests', 'memory', 'warning', ['polaris:memoryRequestsMissing', 'kube-score:container-resources', 'kube-linter:unset-memory-requirements'],
  'Without a memory request the scheduler cannot reserve memory: the node overcommits and this pod is among the first evicted under memory pressure.');
