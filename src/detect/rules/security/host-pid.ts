import { hostCheck } from './host-namespaces.js';

export const check = hostCheck('hostPID', 'host-pid', 'Sharing the host PID namespace lets the pod see and signal every process on the node, and read their environment.', ['polaris:hostPIDSet', 'kube-linter:host-pid']);
