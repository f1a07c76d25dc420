// Example CronJob object for the metadata examples of the CronJob/Job checks.
import { obj } from '../../util/examples.js';

export const cron = (spec: Record<string, unknown>, tpl: Record<string, unknown> = {}) =>
  obj('batch/v1', 'CronJob', 'nightly', { spec: { schedule: '0 3 * * *', ...spec, jobTemplate: { spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'x', image: 'busybox:1.36' }], ...tpl } } } } } });
