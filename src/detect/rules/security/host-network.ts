import { hostCheck } from './host-namespaces.js';

export const check = hostCheck('hostNetwork', 'host-network', 'A pod on the host network sees and can bind every node interface, bypasses NetworkPolicies and can reach the kubelet and cloud metadata.', ['polaris:hostNetworkSet', 'kube-linter:host-network']);
