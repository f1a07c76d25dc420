import type { CheckMeta } from '../../check.js';
import { perObject } from '../../util/make.js';
import { obj, service, yamlDocs } from '../../util/examples.js';

const sts = (serviceName?: string) => obj('apps/v1', 'StatefulSet', 'db', { spec: { serviceName, replicas: 1, selector: { matchLabels: { app: 'db' } }, template: { metadata: { labels: { app: 'db' } }, spec: { containers: [{ name: 'db', image: 'postgres:16' }] } } } });

const meta: CheckMeta = {
  id: 'statefulset-service-missing', title: 'StatefulSet governing Service missing', category: 'relations', severity: 'warning',
  aliases: ['kube-score:statefulset-has-servicename', 'k8sgpt:StatefulSet'], needs: ['kind:Service'],
  docs: { why: 'A StatefulSet\'s pods get stable DNS names (pod-0.svc) only through the Service named in spec.serviceName; without it peers cannot find each other.', fix: 'Create a (headless) Service with that name selecting the StatefulSet pods, or fix serviceName.' },
  examples: { fail: yamlDocs(service('other', { app: 'x' }), sts('db')), pass: yamlDocs(service('db', { app: 'db' }, [{ port: 5432 }], 'shop', { clusterIP: 'None' }), sts('db')) },
};

export const check = perObject(meta, ['StatefulSet'], (item, ctx) => {
  const name = item.obj.spec?.serviceName;
  if (!name) return undefined; // optional since 1.31; nothing to resolve
  return ctx.inv.find('Service', item.ci.namespace, name) ? undefined : { message: `serviceName ${name} names no Service in ${item.ci.namespace}`, evidence: { serviceName: name } };
});
