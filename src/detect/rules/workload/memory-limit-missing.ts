import { resourceCheck } from './resources-shared.js';

export const check = resourceCheck('limits', 'memory', 'warning', ['polaris:memoryLimitsMissing', 'kube-score:container-resources', 'kube-linter:unset-memory-requirements'],
  'A container without a memory limit can take the whole node\'s memory; the kernel OOM killer then picks victims among other pods.');
