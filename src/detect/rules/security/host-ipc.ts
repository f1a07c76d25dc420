import { hostCheck } from './host-namespaces.js';

export const check = hostCheck('hostIPC', 'host-ipc', 'Sharing the host IPC namespace exposes shared memory of every process on the node.', ['polaris:hostIPCSet', 'kube-linter:host-ipc']);
