// More Polaris / kube-score / kube-linter / Popeye rows: availability and config smells.
import type { Check, CheckMeta } from '../../check.js';
import type { Finding } from '../../../model/finding.js';
import { perContainer, perObject, perTemplate } from '../../util/make.js';
import { finding } from '../../util/finding.js';
import { deployment, goodContainer, obj, service, yamlDocs } from '../../util/examples.js';
import { hpasFor, namespacesWithPods, netpolsByNs, pdbsSelecting, servicesSelecting } from '../../util/refs.js';
import { selectorMatches, selectorText } from '../../util/labels.js';
import { containerPorts } from '../../util/pods.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
const hpa = (min: number, max = 10, target = 'web') => obj('autoscaling/v2', 'HorizontalPodAutoscaler', target, { spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: target }, minReplicas: min, maxReplicas: max } });
const pdb = (spec: Record<string, unknown>, name = 'web', app = 'web') => obj('policy/v1', 'PodDisruptionBudget', name, { spec: { selector: { matchLabels: { app } }, ...spec } });
const np = (name: string, sel: Record<string, unknown>, extra: Record<string, unknown> = {}) => obj('networking.k8s.io/v1', 'NetworkPolicy', name, { spec: { podSelector: sel, ...extra } });

export const pdbMinGtHpaMin = perTemplate({
  id: 'pdb-min-gt-hpa-min', title: 'PDB minAvailable ≥ HPA minReplicas', category: 'workload', severity: 'warning', aliases: ['polaris:pdbMinAvailableGreaterThanHPAMinReplicas'], needs: [],
  docs: { why: 'When the HPA scales down to minReplicas and the PDB demands at least as many available pods, no eviction is possible: drains block.', fix: 'Keep PDB minAvailable below HPA minReplicas (or use maxUnavailable).' },
  examples: { fail: yamlDocs(deployment('web'), hpa(2), pdb({ minAvailable: 2 })), pass: yamlDocs(deployment('web'), hpa(3), pdb({ minAvailable: 2 })) },
} satisfies CheckMeta, (tpl, ctx) => {
  const hpas = hpasFor(ctx.inv, tpl.owner);
  if (!hpas.length) return undefined;
  const min = Math.min(...hpas.map((h) => Number(h.obj.spec?.minReplicas ?? 1)));
  const bad = pdbsSelecting(ctx.inv, tpl).filter((p) => typeof p.obj.spec?.minAvailable === 'number' && p.obj.spec.minAvailable >= min);
  return bad.length ? { message: `PDB ${bad[0].ci.name} minAvailable ${bad[0].obj.spec?.minAvailable} ≥ HPA minReplicas ${min}`, evidence: { minAvailable: bad[0].obj.spec?.minAvailable, hpaMinReplicas: min }, also: [...bad, ...hpas] } : undefined;
});

export const podMultiplePdbs = perTemplate({
  id: 'pod-multiple-pdbs', title: 'Pods covered by more than one PDB', category: 'workload', severity: 'warning', aliases: ['popeye:209'], needs: [],
  docs: { why: 'The eviction API refuses to evict a pod matched by several PodDisruptionBudgets (500: "This pod has more than one PodDisruptionBudget"): drains hang.', fix: 'Make the PDB selectors disjoint so each pod has exactly one.' },
  examples: { fail: yamlDocs(deployment('web', {}, { replicas: 3 }), pdb({ maxUnavailable: 1 }), pdb({ maxUnavailable: 1 }, 'web-2')), pass: yamlDocs(deployment('web', {}, { replicas: 3 }), pdb({ maxUnavailable: 1 })) },
} satisfies CheckMeta, (tpl, ctx) => {
  const p = pdbsSelecting(ctx.inv, tpl);
  return p.length > 1 ? { message: `pods are selected by ${p.length} PDBs: ${p.map((x) => x.ci.name).join(', ')}`, evidence: { pdbs: p.map((x) => x.ci.name) }, also: p } : undefined;
});

export const hpaMinReplicasLow = perObject({
  id: 'hpa-min-replicas-low', title: 'HPA minReplicas below 2', category: 'workload', severity: 'info', aliases: ['polaris:hpaMinAvailability', 'kube-score:horizontalpodautoscaler-replicas'], needs: [],
  docs: { why: 'An HPA allowed to scale to one replica makes the workload a single point of failure at quiet times.', fix: 'Set minReplicas ≥ 2.' },
  examples: { fail: yamlDocs(deployment('web'), hpa(1)), pass: yamlDocs(deployment('web'), hpa(2)) },
} satisfies CheckMeta, ['HorizontalPodAutoscaler'], (h) => (Number(h.obj.spec?.minReplicas ?? 1) < 2 ? { message: `minReplicas ${h.obj.spec?.minReplicas ?? '1 (default)'}`, evidence: { minReplicas: h.obj.spec?.minReplicas ?? null } } : undefined));

export const hpaWithStaticReplicas = perTemplate({
  id: 'hpa-with-static-replicas', title: 'HPA target also sets spec.replicas', category: 'workload', severity: 'info', aliases: ['kube-score:deployment-targeted-by-hpa-does-not-have-replicas-configured'], needs: [],
  docs: { why: 'Every `kubectl apply` of a manifest with replicas resets the HPA\'s choice, scaling the workload down during load until the HPA reacts again.', fix: 'Remove spec.replicas from the manifest of an HPA-managed workload.' },
  examples: { fail: yamlDocs(deployment('web', {}, { replicas: 3 }), hpa(2)), pass: yamlDocs(deployment('web'), hpa(2)) },
} satisfies CheckMeta, (tpl, ctx) => (tpl.owner.obj.spec?.replicas !== undefined && !ctx.inv.coverage.live && hpasFor(ctx.inv, tpl.owner).length ? { message: `replicas: ${tpl.owner.obj.spec.replicas} is set although an HPA manages it`, evidence: { replicas: tpl.owner.obj.spec.replicas } } : undefined));

export const priorityClassMissing = perTemplate({
  id: 'priority-class-missing', title: 'No priorityClassName', category: 'workload', severity: 'info', aliases: ['polaris:priorityClassNotSet', 'kube-linter:priority-class-name'], needs: [],
  docs: { why: 'Without a priority class every pod has the same priority: under pressure the scheduler may preempt or evict critical pods before batch ones.', fix: 'Set `priorityClassName` to a PriorityClass reflecting the workload\'s importance.' },
  examples: { fail: yamlDocs(deployment('web')), pass: yamlDocs(deployment('web', { priorityClassName: 'business-critical' })) },
} satisfies CheckMeta, (tpl) => (tpl.spec?.priorityClassName ? undefined : { message: 'no priorityClassName', evidence: { priorityClassName: null } }));

export const nameLabelMismatch = perObject({
  id: 'name-label-mismatch', title: 'app.kubernetes.io/instance label differs from the name', category: 'workload', severity: 'info', aliases: ['polaris:metadataAndInstanceMismatched'], needs: [],
  docs: { why: 'Tools and dashboards group by app.kubernetes.io/instance; a copy-pasted value attributes this object to another release.', fix: 'Make app.kubernetes.io/instance match the release/object, or remove it.' },
  examples: { fail: yamlDocs(deployment('web', {}, { meta: { labels: { 'app.kubernetes.io/instance': 'shop-old' } } })), pass: yamlDocs(deployment('web', {}, { meta: { labels: { 'app.kubernetes.io/instance': 'web' } } })) },
} satisfies CheckMeta, ['Deployment', 'StatefulSet', 'DaemonSet'], (w) => {
  const inst = w.ci.labels['app.kubernetes.io/instance'];
  // Helm: instance = release name, object names are usually <release>-<chart>: accept a prefix match.
  return inst && inst !== w.ci.name && !w.ci.name.startsWith(`${inst}-`) && !inst.startsWith(`${w.ci.name}-`) ? { message: `app.kubernetes.io/instance=${inst} but the name is ${w.ci.name}`, evidence: { instance: inst } } : undefined;
});

export const ingressTlsMissing = perObject({
  id: 'ingress-tls-missing', title: 'Ingress without TLS', category: 'security', severity: 'info', aliases: ['polaris:tlsSettingsMissing'], needs: [],
  docs: { why: 'Without a tls section the ingress serves plain HTTP for these hosts.', fix: 'Add `spec.tls` with the hosts and a certificate Secret (e.g. via cert-manager).' },
  examples: { fail: yamlDocs(obj('networking.k8s.io/v1', 'Ingress', 'web', { spec: { rules: [{ host: 'shop.example.com' }] } })), pass: yamlDocs(obj('networking.k8s.io/v1', 'Ingress', 'web', { spec: { tls: [{ hosts: ['shop.example.com'], secretName: 'web-tls' }], rules: [{ host: 'shop.example.com' }] } })) },
} satisfies CheckMeta, ['Ingress'], (i) => ((i.obj.spec?.tls ?? []).length ? undefined : { message: `Ingress ${i.ci.name} has no TLS`, evidence: { hosts: (i.obj.spec?.rules ?? []).map((r: any) => r?.host).filter(Boolean) } }));

export const ingressTlsSecretMissing = perObject({
  id: 'ingress-tls-secret-missing', title: 'Ingress TLS Secret does not exist', category: 'relations', severity: 'warning', aliases: ['k8sgpt:Ingress'], needs: ['kind:Secret'],
  docs: { why: 'Without its certificate Secret the ingress controller serves its default (self-signed) certificate: browsers and clients refuse the connection.', fix: 'Create the TLS Secret (or the cert-manager Certificate producing it), or fix secretName.' },
  examples: {
    fail: yamlDocs(obj('v1', 'Secret', 'other', { type: 'Opaque' }), obj('networking.k8s.io/v1', 'Ingress', 'web', { spec: { tls: [{ secretName: 'web-tls' }] } })),
    pass: yamlDocs(obj('v1', 'Secret', 'web-tls', { type: 'kubernetes.io/tls' }), obj('networking.k8s.io/v1', 'Ingress', 'web', { spec: { tls: [{ secretName: 'web-tls' }] } })),
  },
} satisfies CheckMeta, ['Ingress'], (i, ctx) => {
  // cert-manager creates the Secret from an annotation: not missing, just not yet issued.
  if (Object.keys(i.ci.annotations).some((k) => k.startsWith('cert-manager.io/'))) return undefined;
  const missing = ((i.obj.spec?.tls ?? []) as any[]).map((t) => t?.secretName).filter((n) => n && !ctx.inv.find('Secret', i.ci.namespace, n));
  return missing.length ? { message: `TLS Secret ${missing.join(', ')} not found in ${i.ci.namespace}`, evidence: { secretName: missing } } : undefined;
});

export const podNotIsolated: Check = {
  meta: {
    id: 'pod-not-isolated-by-netpol', title: 'Pods not selected by any NetworkPolicy', category: 'security', severity: 'info', aliases: ['polaris:missingNetworkPolicy', 'kube-score:pod-networkpolicy', 'kube-linter:non-isolated-pod'], needs: [],
    docs: { why: 'Pods no NetworkPolicy selects accept traffic from every pod in the cluster; a compromised pod elsewhere can reach them.', fix: 'Add a default-deny policy for the namespace plus explicit allow rules.' },
    examples: { fail: yamlDocs(deployment('web')), pass: yamlDocs(deployment('web'), np('deny', {}, { policyTypes: ['Ingress'] })) },
  },
  run(ctx) {
    const out: Finding[] = [];
    for (const tpl of ctx.inv.podTemplates) {
      if (tpl.isPod && ctx.inv.podTemplates.length > 1 && (tpl.owner.obj.metadata?.ownerReferences ?? []).length) continue;
      if (tpl.spec?.hostNetwork) continue;
      const pols = netpolsByNs(ctx.inv).get(tpl.owner.ci.namespace) ?? [];
      if (pols.some((p) => selectorMatches(p.obj.spec?.podSelector ?? {}, tpl.labels))) continue;
      out.push(finding(this.meta, tpl.owner, { message: `no NetworkPolicy selects the pods of ${tpl.owner.ci.kind} ${tpl.owner.ci.name}`, evidence: { labels: tpl.labels } }));
    }
    return out;
  },
};

export const netpolSelectsNoPods = perObject({
  id: 'netpol-selects-no-pods', title: 'NetworkPolicy selects no pods', category: 'relations', severity: 'warning', aliases: ['kube-score:networkpolicy-targets-pod', 'popeye:1200', 'kube-linter:dangling-networkpolicy'], needs: ['kind:Pod'],
  docs: { why: 'A policy whose podSelector matches nothing protects nothing; usually a label typo, so the pods meant to be isolated are open.', fix: 'Fix the podSelector to the pods\' labels.' },
  examples: { fail: yamlDocs(deployment('web'), np('web', { matchLabels: { app: 'webb' } })), pass: yamlDocs(deployment('web'), np('web', { matchLabels: { app: 'web' } })) },
} satisfies CheckMeta, ['NetworkPolicy'], (p, ctx) => {
  if (!namespacesWithPods(ctx.inv).has(p.ci.namespace)) return undefined;
  const sel = p.obj.spec?.podSelector ?? {};
  return ctx.inv.selectPods(p.ci.namespace, sel).length ? undefined : { message: `podSelector ${selectorText(sel)} matches no pod in ${p.ci.namespace}`, evidence: { podSelector: sel } };
});

export const ephemeralStorageMissing = perContainer({
  id: 'ephemeral-storage-missing', title: 'No ephemeral-storage request/limit', category: 'workload', severity: 'info', aliases: ['kube-score:container-ephemeral-storage-request-and-limit'], needs: [],
  docs: { why: 'Logs, emptyDirs and the writable layer count as ephemeral storage; without a limit one container can fill the node disk and get every pod on it evicted.', fix: 'Set `resources.requests/limits.ephemeral-storage`.' },
  examples: { fail: yamlDocs(deployment('web')), pass: yamlDocs(deployment('web', {}, { containers: [goodContainer({ resources: { requests: { cpu: '100m', memory: '128Mi', 'ephemeral-storage': '1Gi' }, limits: { memory: '128Mi', 'ephemeral-storage': '2Gi' } } })] })) },
} satisfies CheckMeta, ({ c }) => (c.resources?.limits?.['ephemeral-storage'] === undefined ? { message: `container ${c.name} has no ephemeral-storage limit`, evidence: { 'resources.limits.ephemeral-storage': null } } : undefined));

export const rolloutStrategyRecreate = perTemplate({
  id: 'rollout-strategy-not-rolling', title: 'Service-backing Deployment uses Recreate', category: 'workload', severity: 'info', aliases: ['kube-score:deployment-strategy', 'kube-linter:no-rolling-update-strategy'], needs: [],
  docs: { why: 'Recreate stops every pod before starting new ones: each rollout is an outage for the Service in front.', fix: 'Use `strategy.type: RollingUpdate` unless the app cannot run two versions at once.' },
  examples: { fail: yamlDocs({ ...deployment('web', {}, { replicas: 2 }), spec: { ...deployment('web', {}, { replicas: 2 }).spec, strategy: { type: 'Recreate' } } }, service('web', { app: 'web' })), pass: yamlDocs(deployment('web', {}, { replicas: 2 }), service('web', { app: 'web' })) },
} satisfies CheckMeta, (tpl, ctx) => (tpl.owner.obj.kind === 'Deployment' && tpl.owner.obj.spec?.strategy?.type === 'Recreate' && servicesSelecting(ctx.inv, tpl).length ? { message: 'strategy Recreate behind a Service', evidence: { strategy: 'Recreate' } } : undefined));

export const serviceTypeNodePort = perObject({
  id: 'service-type-nodeport', title: 'NodePort Service', category: 'security', severity: 'info', aliases: ['kube-score:service-type', 'popeye:1104'], needs: [],
  docs: { why: 'A NodePort opens the port on every node address, outside Ingress/LB controls.', fix: 'Prefer ClusterIP behind an Ingress, or a LoadBalancer.' },
  examples: { fail: yamlDocs(service('web', { app: 'web' }, [{ port: 80 }], 'shop', { type: 'NodePort' })), pass: yamlDocs(service('web', { app: 'web' })) },
} satisfies CheckMeta, ['Service'], (s) => (s.obj.spec?.type === 'NodePort' ? { message: `Service ${s.ci.name} is NodePort (${(s.obj.spec?.ports ?? []).map((p: any) => p?.nodePort ?? 'auto').join(', ')})`, evidence: { type: 'NodePort' } } : undefined));

export const jobTtlUnset = perObject({
  id: 'job-ttl-unset', title: 'Job without ttlSecondsAfterFinished', category: 'waste', severity: 'info', aliases: ['kube-linter:job-ttl-seconds-after-finished'], needs: [],
  docs: { why: 'Finished Jobs and their pods stay forever unless cleaned up, cluttering the API and etcd.', fix: 'Set `spec.ttlSecondsAfterFinished` (CronJobs clean up through their history limits instead).' },
  examples: { fail: yamlDocs(obj('batch/v1', 'Job', 'once', { spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'x', image: 'busybox:1.36' }] } } } })), pass: yamlDocs(obj('batch/v1', 'Job', 'once', { spec: { ttlSecondsAfterFinished: 3600, template: { spec: { restartPolicy: 'Never', containers: [{ name: 'x', image: 'busybox:1.36' }] } } } })) },
} satisfies CheckMeta, ['Job'], (j) => ((j.obj.metadata?.ownerReferences ?? []).length || j.obj.spec?.ttlSecondsAfterFinished !== undefined ? undefined : { message: `Job ${j.ci.name} has no ttlSecondsAfterFinished`, evidence: {} }));

export const privilegedPort = perContainer({
  id: 'privileged-port', title: 'Container port below 1024', category: 'security', severity: 'info', aliases: ['kube-linter:privileged-ports'], needs: [],
  docs: { why: 'Binding a port below 1024 needs root or NET_BIND_SERVICE inside the container; serving on a high port lets it run unprivileged.', fix: 'Listen on a port ≥ 1024 and map it in the Service (port 80 → targetPort 8080).' },
  examples: { fail: yamlDocs(deployment('web', {}, { containers: [goodContainer({ ports: [{ name: 'http', containerPort: 80 }] })] })), pass: yamlDocs(deployment('web')) },
} satisfies CheckMeta, ({ c }) => {
  const low = containerPorts(c).filter((p) => p.containerPort < 1024);
  return low.length ? { message: `container ${c.name} listens on ${low.map((p) => p.containerPort).join(', ')}`, evidence: { ports: low.map((p) => p.containerPort) } } : undefined;
});

export const storageclassMissing = perObject({
  id: 'storageclass-missing', title: 'Claim names a StorageClass that does not exist', category: 'relations', severity: 'critical', aliases: ['k8sgpt:StatefulSet', 'k8sgpt:PersistentVolumeClaim'], needs: ['kind:StorageClass'],
  docs: { why: 'A claim for an unknown StorageClass stays Pending forever: its pod never starts.', fix: 'Use an existing StorageClass (`kubectl get storageclass`) or create it.' },
  examples: {
    fail: yamlDocs(obj('storage.k8s.io/v1', 'StorageClass', 'standard', { provisioner: 'x' }, null), obj('v1', 'PersistentVolumeClaim', 'data', { spec: { storageClassName: 'fast-ssd', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } })),
    pass: yamlDocs(obj('storage.k8s.io/v1', 'StorageClass', 'standard', { provisioner: 'x' }, null), obj('v1', 'PersistentVolumeClaim', 'data', { spec: { storageClassName: 'standard', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } })),
  },
} satisfies CheckMeta, ['PersistentVolumeClaim', 'StatefulSet'], (i, ctx) => {
  const names = i.obj.kind === 'StatefulSet' ? ((i.obj.spec?.volumeClaimTemplates ?? []) as any[]).map((v) => v?.spec?.storageClassName) : [i.obj.spec?.storageClassName];
  const missing = names.filter((n) => typeof n === 'string' && n !== '' && !ctx.inv.find('StorageClass', '', n));
  return missing.length ? { message: `StorageClass ${missing.join(', ')} does not exist`, evidence: { storageClassName: missing } } : undefined;
});
