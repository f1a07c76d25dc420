// configmap-unused: Unused ConfigMap.
import { deployment, goodContainer, obj, yamlDocs } from '../../util/examples.js';
import { unusedCheck } from './unused-check.js';

const SYSTEM_CM = /^(kube-root-ca\.crt|openshift-service-ca\.crt|istio-ca-root-cert|.*-lock|.*leader.*)$/;

export const check = unusedCheck({
  id: 'configmap-unused', title: 'Unused ConfigMap', category: 'waste', severity: 'info',
  aliases: ['popeye:400', 'k8sgpt:ConfigMap'], needs: ['kind:Pod'],
  docs: { why: 'A ConfigMap nothing references is dead configuration: people edit it expecting an effect.', fix: 'Delete it, or reference it from the workload that should use it.' },
  examples: {
    fail: yamlDocs(obj('v1', 'ConfigMap', 'old-config', { data: { a: '1' } }), deployment('web')),
    pass: yamlDocs(obj('v1', 'ConfigMap', 'env', { data: { a: '1' } }), obj('v1', 'ConfigMap', 'proj', { data: { a: '1' } }), deployment('web', { volumes: [{ name: 'p', projected: { sources: [{ configMap: { name: 'proj' } }] } }] }, { containers: [goodContainer({ env: [{ name: 'A', valueFrom: { configMapKeyRef: { name: 'env', key: 'a' } } }] })] })),
  },
}, 'ConfigMap', (i) => SYSTEM_CM.test(i.ci.name));
