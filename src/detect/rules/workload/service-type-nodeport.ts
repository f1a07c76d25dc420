// service-type-nodeport: NodePort Service.
import type { CheckMeta } from '../../check.js';
import { perObject } from '../../util/make.js';
import { service, yamlDocs } from '../../util/examples.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
export const check = perObject({
  id: 'service-type-nodeport', title: 'NodePort Service', category: 'security', severity: 'info', aliases: ['kube-score:service-type', 'popeye:1104'], needs: [],
  docs: { why: 'A NodePort opens the port on every node address, outside Ingress/LB controls.', fix: 'Prefer ClusterIP behind an Ingress, or a LoadBalancer.' },
  examples: { fail: yamlDocs(service('web', { app: 'web' }, [{ port: 80 }], 'shop', { type: 'NodePort' })), pass: yamlDocs(service('web', { app: 'web' })) },
} satisfies CheckMeta, ['Service'], (s) => (s.obj.spec?.type === 'NodePort' ? { message: `Service ${s.ci.name} is NodePort (${(s.obj.spec?.ports ?? []).map((p: any) => p?.nodePort ?? 'auto').join(', ')})`, evidence: { type: 'NodePort' } } : undefined));
