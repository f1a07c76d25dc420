// job-ttl-unset: Job without ttlSecondsAfterFinished.
import type { CheckMeta } from '../../check.js';
import { perObject } from '../../util/make.js';
import { obj, yamlDocs } from '../../util/examples.js';

export const check = perObject({
  id: 'job-ttl-unset', title: 'Job without ttlSecondsAfterFinished', category: 'waste', severity: 'info', aliases: ['kube-linter:job-ttl-seconds-after-finished'], needs: [],
  docs: { why: 'Finished Jobs and their pods stay forever unless cleaned up, cluttering the API and etcd.', fix: 'Set `spec.ttlSecondsAfterFinished` (CronJobs clean up through their history limits instead).' },
  examples: { fail: yamlDocs(obj('batch/v1', 'Job', 'once', { spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'x', image: 'busybox:1.36' }] } } } })), pass: yamlDocs(obj('batch/v1', 'Job', 'once', { spec: { ttlSecondsAfterFinished: 3600, template: { spec: { restartPolicy: 'Never', containers: [{ name: 'x', image: 'busybox:1.36' }] } } } })) },
} satisfies CheckMeta, ['Job'], (j) => ((j.obj.metadata?.ownerReferences ?? []).length || j.obj.spec?.ttlSecondsAfterFinished !== undefined ? undefined : { message: `Job ${j.ci.name} has no ttlSecondsAfterFinished`, evidence: {} }));
