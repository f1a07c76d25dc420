// configmap-ref-missing: Referenced ConfigMap does not exist.
import { deployment, obj, yamlDocs } from '../../util/examples.js';
import { refMissing, docs } from './dangling-reference.js';

export const check = refMissing({
  id: 'configmap-ref-missing', title: 'Referenced ConfigMap does not exist', category: 'relations', severity: 'critical',
  aliases: ['kube-linter:env-value-from'], needs: ['kind:ConfigMap'], docs: docs('ConfigMap', 'CreateContainerConfigError or FailedMount, the pod stays in ContainerCreating'),
  examples: {
    fail: yamlDocs(obj('v1', 'ConfigMap', 'other', { data: { a: 'b' } }), deployment('web', { volumes: [{ name: 'cfg', configMap: { name: 'web-config' } }] })),
    pass: yamlDocs(obj('v1', 'ConfigMap', 'web-config', { data: { a: 'b' } }), deployment('web', { volumes: [{ name: 'cfg', configMap: { name: 'web-config' } }, { name: 'opt', configMap: { name: 'maybe', optional: true } }] })),
  },
}, 'ConfigMap');
