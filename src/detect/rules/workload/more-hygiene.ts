// Small spec checks from kube-score/kube-linter/Polaris that need little code each.
import type { Check, CheckMeta } from '../../check.js';
import type { Finding } from '../../../model/finding.js';
import { finding } from '../../util/finding.js';
import { perObject, perTemplate } from '../../util/make.js';
import type { FindingInput } from '../../util/finding.js';
import { deployment, obj, yamlDocs } from '../../util/examples.js';

const cron = (spec: Record<string, unknown>, tpl: Record<string, unknown> = {}) =>
  obj('batch/v1', 'CronJob', 'nightly', { spec: { schedule: '0 3 * * *', ...spec, jobTemplate: { spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'x', image: 'busybox:1.36' }], ...tpl } } } } } });

export const restartPolicyInvalid = perTemplate(
  {
    id: 'restart-policy-invalid', title: 'Job pod restartPolicy must be OnFailure or Never', category: 'workload', severity: 'critical',
    aliases: ['kube-score:cronjob-restartpolicy', 'kube-linter:restart-policy'], needs: [],
    docs: { why: 'The API server rejects Job and CronJob pod templates whose restartPolicy is Always (or unset, which defaults to Always).', fix: 'Set `restartPolicy: OnFailure` (or Never) in the job pod template.' },
    examples: { fail: yamlDocs(cron({}, { restartPolicy: 'Always' })), pass: yamlDocs(cron({ startingDeadlineSeconds: 100 })) },
  } satisfies CheckMeta,
  (tpl) => {
    if (!['Job', 'CronJob'].includes(tpl.owner.obj.kind)) return undefined;
    const rp = tpl.spec?.restartPolicy;
    return rp === 'OnFailure' || rp === 'Never' ? undefined : { message: `job pod template restartPolicy is ${rp ?? 'unset (Always)'}`, evidence: { restartPolicy: rp ?? null } };
  },
);

export const cronjobDeadlineMissing = perObject(
  {
    id: 'cronjob-deadline-missing', title: 'CronJob without startingDeadlineSeconds', category: 'workload', severity: 'info',
    aliases: ['kube-score:cronjob-has-deadline'], needs: [],
    docs: { why: 'Without a starting deadline, a controller that was down counts every missed schedule; after 100 misses the CronJob stops scheduling for good.', fix: 'Set `spec.startingDeadlineSeconds` (e.g. 200).' },
    examples: { fail: yamlDocs(cron({})), pass: yamlDocs(cron({ startingDeadlineSeconds: 200 })) },
  },
  ['CronJob'],
  (item): FindingInput | undefined => {
    const d = item.obj.spec?.startingDeadlineSeconds;
    if (typeof d === 'number' && d > 0) return undefined;
    return { message: d === undefined ? 'no startingDeadlineSeconds' : `startingDeadlineSeconds is ${d}`, evidence: { startingDeadlineSeconds: d ?? null } };
  },
);

const SCHEDULE_FIELD = /^(\*|\?|[0-9A-Za-z]+(-[0-9A-Za-z]+)?)(\/\d+)?(,(\*|[0-9A-Za-z]+(-[0-9A-Za-z]+)?)(\/\d+)?)*$/;
export const cronjobInvalidSchedule = perObject(
  {
    id: 'cronjob-invalid-schedule', title: 'CronJob schedule cannot be parsed', category: 'workload', severity: 'critical',
    aliases: ['k8sgpt:CronJob'], needs: [],
    docs: { why: 'An unparsable schedule is rejected by the API server, or the job never runs.', fix: 'Use a 5-field cron expression (minute hour day-of-month month day-of-week) or a macro such as @daily.' },
    examples: { fail: yamlDocs(cron({ schedule: '0 3 * *' })), pass: yamlDocs(cron({ schedule: '*/15 3-5 * * MON-FRI' }), cron({ schedule: '@daily' })) },
  },
  ['CronJob'],
  (item) => {
    const s = String(item.obj.spec?.schedule ?? '').trim().replace(/^(CRON_)?TZ=\S+\s+/, '');
    if (/^@(yearly|annually|monthly|weekly|daily|midnight|hourly|every \S+)$/.test(s)) return undefined;
    const f = s.split(/\s+/);
    if (f.length === 5 && f.every((x) => SCHEDULE_FIELD.test(x))) return undefined;
    return { message: `schedule "${s}" is not a valid cron expression`, evidence: { schedule: item.obj.spec?.schedule ?? null } };
  },
);

export const cronjobSuspended = perObject(
  {
    id: 'cronjob-suspended', title: 'CronJob is suspended', category: 'workload', severity: 'info', aliases: ['popeye:1500'], needs: [],
    docs: { why: 'A suspended CronJob never runs; often left over from an incident.', fix: 'Set `spec.suspend: false` or delete the CronJob.' },
    examples: { fail: yamlDocs(cron({ suspend: true, startingDeadlineSeconds: 100 })), pass: yamlDocs(cron({ startingDeadlineSeconds: 100 })) },
  },
  ['CronJob'],
  (item) => (item.obj.spec?.suspend === true ? { message: 'CronJob is suspended', evidence: { suspend: true } } : undefined),
);

export const deprecatedServiceAccountField = perTemplate(
  {
    id: 'deprecated-serviceaccount-field', title: 'Deprecated serviceAccount field', category: 'workload', severity: 'info',
    aliases: ['kube-linter:deprecated-service-account-field'], needs: [],
    docs: { why: '`serviceAccount` is a deprecated alias of `serviceAccountName`; tools that read only the new field miss it.', fix: 'Rename `serviceAccount` to `serviceAccountName`.' },
    examples: { fail: yamlDocs(deployment('web', { serviceAccount: 'web' })), pass: yamlDocs(deployment('web', { serviceAccountName: 'web' })) },
  },
  (tpl) => (tpl.spec?.serviceAccount !== undefined && tpl.spec?.serviceAccountName === undefined ? { message: 'uses serviceAccount instead of serviceAccountName', evidence: { serviceAccount: tpl.spec.serviceAccount } } : undefined),
);

export const topologySpreadInvalid = perTemplate(
  {
    id: 'topology-spread-missing-or-invalid', title: 'Invalid topologySpreadConstraints', category: 'workload', severity: 'critical',
    aliases: ['kube-score:pod-topology-spread-constraints', 'polaris:topologySpreadConstraint'], needs: [],
    docs: { why: 'A constraint with maxSkew < 1, no topologyKey or an unknown whenUnsatisfiable is rejected by the API server; one without a labelSelector spreads nothing.', fix: 'Give every constraint maxSkew ≥ 1, a topologyKey, whenUnsatisfiable DoNotSchedule|ScheduleAnyway and a labelSelector matching the pod labels.' },
    examples: {
      fail: yamlDocs(deployment('web', { topologySpreadConstraints: [{ maxSkew: 0, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'Sometimes' }] })),
      pass: yamlDocs(deployment('web', { topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: { app: 'web' } } }] })),
    },
  },
  (tpl) => {
    const out: FindingInput[] = [];
    for (const [i, c] of (Array.isArray(tpl.spec?.topologySpreadConstraints) ? tpl.spec.topologySpreadConstraints : []).entries()) {
      const bad: string[] = [];
      if (!(Number(c?.maxSkew) >= 1)) bad.push(`maxSkew ${c?.maxSkew}`);
      if (!c?.topologyKey) bad.push('no topologyKey');
      if (!['DoNotSchedule', 'ScheduleAnyway'].includes(c?.whenUnsatisfiable)) bad.push(`whenUnsatisfiable ${c?.whenUnsatisfiable}`);
      if (!c?.labelSelector) bad.push('no labelSelector');
      if (bad.length) out.push({ severity: bad.length === 1 && bad[0] === 'no labelSelector' ? 'warning' : 'critical', message: `topologySpreadConstraints[${i}]: ${bad.join(', ')}`, evidence: { constraint: c } });
    }
    return out;
  },
);

export const antiAffinityMissing = perTemplate(
  {
    id: 'anti-affinity-missing', title: 'Multi-replica workload without spreading', category: 'workload', severity: 'info',
    aliases: ['kube-score:deployment-has-host-podantiaffinity', 'kube-linter:no-anti-affinity'], needs: [],
    docs: { why: 'Without pod anti-affinity or topology spread, the scheduler may put all replicas on one node, which then takes them all down.', fix: 'Add a preferred podAntiAffinity on kubernetes.io/hostname or a topologySpreadConstraint.' },
    examples: {
      fail: yamlDocs(deployment('web', {}, { replicas: 3 })),
      pass: yamlDocs(deployment('web', { affinity: { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, podAffinityTerm: { topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { app: 'web' } } } }] } } }, { replicas: 3 })),
    },
  },
  (tpl) => {
    if (tpl.isPod || (tpl.replicas ?? 1) < 2) return undefined;
    if (tpl.spec?.affinity?.podAntiAffinity || (tpl.spec?.topologySpreadConstraints ?? []).length) return undefined;
    return { message: `${tpl.replicas} replicas with no podAntiAffinity or topologySpreadConstraints`, evidence: { replicas: tpl.replicas } };
  },
);

export const pdbNoPolicy = perObject(
  {
    id: 'pdb-no-policy', title: 'PodDisruptionBudget without minAvailable or maxUnavailable', category: 'workload', severity: 'warning',
    aliases: ['kube-score:poddisruptionbudget-has-policy'], needs: [],
    docs: { why: 'A PDB with neither field set protects nothing (policy/v1 treats it as maxUnavailable 0 for some controllers and as no budget for others).', fix: 'Set `maxUnavailable: 1` or a `minAvailable` below the replica count.' },
    examples: { fail: yamlDocs(obj('policy/v1', 'PodDisruptionBudget', 'web', { spec: { selector: { matchLabels: { app: 'web' } } } })), pass: yamlDocs(obj('policy/v1', 'PodDisruptionBudget', 'web', { spec: { maxUnavailable: 1, selector: { matchLabels: { app: 'web' } } } })) },
  },
  ['PodDisruptionBudget'],
  (item) => (item.obj.spec?.minAvailable === undefined && item.obj.spec?.maxUnavailable === undefined ? { message: 'neither minAvailable nor maxUnavailable is set', evidence: {} } : undefined),
);

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
export const labelValueInvalid: Check = {
  meta: {
    id: 'label-value-invalid', title: 'Invalid label value', category: 'workload', severity: 'warning',
    aliases: ['kube-score:label-values'], needs: [],
    docs: { why: 'Label values longer than 63 characters or with characters other than alphanumerics, -, _ and . are rejected by the API server.', fix: 'Shorten or clean the label value (put free text in an annotation).' },
    examples: { fail: yamlDocs(obj('v1', 'ConfigMap', 'c', { metadata: { name: 'c', namespace: 'shop', labels: { owner: 'team a/b' } } })), pass: yamlDocs(obj('v1', 'ConfigMap', 'c', { metadata: { name: 'c', namespace: 'shop', labels: { owner: 'team-a.b' } } })) },
  },
  run(ctx) {
    const out: Finding[] = [];
    for (const item of ctx.inv.items) {
      const bad = Object.entries(item.obj.metadata?.labels ?? {}).filter(([, v]) => typeof v !== 'string' || v.length > 63 || !LABEL_VALUE.test(v));
      if (bad.length) out.push(finding(this.meta, item, { message: `label ${bad.map(([k, v]) => `${k}="${v}"`).join(', ')} is not a valid label value`, evidence: { labels: Object.fromEntries(bad) } }));
    }
    return out;
  },
};
