import type { CheckMeta } from '../../check.js';
import { perObject } from '../../util/make.js';
import { deployment, goodContainer, obj, yamlDocs } from '../../util/examples.js';

const meta: CheckMeta = {
  id: 'naked-pod',
  title: 'Pod without a controller',
  category: 'workload',
  severity: 'warning',
  aliases: ['popeye:208'],
  needs: [],
  docs: {
    why: 'A bare Pod is not recreated when its node fails or it is evicted, and cannot be rolled out.',
    fix: 'Run it from a Deployment, StatefulSet, DaemonSet or Job.',
  },
  examples: {
    fail: yamlDocs(obj('v1', 'Pod', 'lonely', { spec: { containers: [goodContainer()] } })),
    pass: yamlDocs(deployment('web'), obj('v1', 'Pod', 'web-1', { metadata: { name: 'web-1', namespace: 'shop', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-abc', controller: true }] }, spec: { containers: [goodContainer()] } })),
  },
};

export const check = perObject(meta, ['Pod'], (item) => {
  if ((item.obj.metadata?.ownerReferences ?? []).length) return undefined;
  // Static (mirror) pods are node-managed.
  if (item.obj.metadata?.annotations?.['kubernetes.io/config.mirror']) return undefined;
  return { message: `Pod ${item.ci.name} has no owning controller`, evidence: { ownerReferences: [] } };
});
