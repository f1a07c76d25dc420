// A pod (template) references a ConfigMap/Secret/PVC/ServiceAccount that is not in the inventory.
// Uses the declared relations the CMDB marks `dangling`; optional references are fine.
import type { Check, CheckMeta } from '../../check.js';
import type { Finding } from '../../../model/finding.js';
import { parseCiId } from '../../../model/ci.js';
import { finding } from '../../util/finding.js';
import { deployment, goodContainer, obj, yamlDocs } from '../../util/examples.js';

/** Objects the cluster creates itself, so manifests never contain them. */
const IMPLICIT: Record<string, Set<string>> = { ConfigMap: new Set(['kube-root-ca.crt', 'openshift-service-ca.crt']), ServiceAccount: new Set(['default']) };

export function refMissing(meta: CheckMeta, kind: string, filter: (evidence: Record<string, unknown>) => boolean = () => true): Check {
  return {
    meta,
    run(ctx) {
      const out: Finding[] = [];
      const seen = new Set<string>();
      for (const r of ctx.inv.relations) {
        if (!r.dangling || (r.type !== 'mounts' && r.type !== 'uses')) continue;
        const to = parseCiId(r.to);
        if (!to || to.kind !== kind || IMPLICIT[kind]?.has(to.name)) continue;
        const ev = r.evidence ?? {};
        if (ev.optional === true || !filter(ev)) continue;
        const from = ctx.inv.get(r.from);
        if (!from) continue;
        const key = `${r.from}|${r.to}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const how = ev.volume ? `volume ${ev.volume}` : ev.env ? `env ${ev.env} of container ${ev.container}` : ev.field === 'envFrom' ? `envFrom of container ${ev.container}` : String(ev.field ?? 'a reference');
        out.push(finding(meta, from, {
          message: `${from.ci.kind} ${from.ci.name} references ${kind} ${to.name} (${how}), which does not exist in namespace ${to.namespace}`,
          evidence: { missing: `${kind}/${to.name}`, namespace: to.namespace, ...ev },
          also: [r.to],
          fix: `Create ${kind} ${to.name} in ${to.namespace}, fix the name, or mark the reference optional.`,
        }));
      }
      return out;
    },
  };
}

const docs = (kind: string, symptom: string) => ({ why: `Pods that reference a missing ${kind} do not start: ${symptom}.`, fix: `Create the ${kind} or fix the reference.` });

export const configmapRefMissing = refMissing({
  id: 'configmap-ref-missing', title: 'Referenced ConfigMap does not exist', category: 'relations', severity: 'critical',
  aliases: ['kube-linter:env-value-from'], needs: ['kind:ConfigMap'], docs: docs('ConfigMap', 'CreateContainerConfigError or FailedMount, the pod stays in ContainerCreating'),
  examples: {
    fail: yamlDocs(obj('v1', 'ConfigMap', 'other', { data: { a: 'b' } }), deployment('web', { volumes: [{ name: 'cfg', configMap: { name: 'web-config' } }] })),
    pass: yamlDocs(obj('v1', 'ConfigMap', 'web-config', { data: { a: 'b' } }), deployment('web', { volumes: [{ name: 'cfg', configMap: { name: 'web-config' } }, { name: 'opt', configMap: { name: 'maybe', optional: true } }] })),
  },
}, 'ConfigMap');

export const secretRefMissing = refMissing({
  id: 'secret-ref-missing', title: 'Referenced Secret does not exist', category: 'relations', severity: 'critical',
  aliases: ['popeye:304', 'kube-linter:env-value-from'], needs: ['kind:Secret'], docs: docs('Secret', 'CreateContainerConfigError or FailedMount'),
  examples: {
    fail: yamlDocs(obj('v1', 'Secret', 'other', { type: 'Opaque' }), deployment('web', {}, { containers: [goodContainer({ env: [{ name: 'PW', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } }] })] })),
    pass: yamlDocs(obj('v1', 'Secret', 'db', { type: 'Opaque' }), deployment('web', {}, { containers: [goodContainer({ env: [{ name: 'PW', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } }] })] })),
  },
}, 'Secret', (ev) => ev.field !== 'imagePullSecrets' && ev.field !== 'spec.tls.secretName');

export const imagePullSecretMissing = refMissing({
  id: 'image-pull-secret-missing', title: 'imagePullSecret does not exist', category: 'relations', severity: 'warning',
  aliases: ['popeye:305'], needs: ['kind:Secret'],
  docs: { why: 'A missing pull secret makes pulls from a private registry fail with ImagePullBackOff (public images still work, hence warning).', fix: 'Create the docker-registry Secret or remove the reference.' },
  examples: {
    fail: yamlDocs(obj('v1', 'Secret', 'other', { type: 'Opaque' }), deployment('web', { imagePullSecrets: [{ name: 'regcred' }] })),
    pass: yamlDocs(obj('v1', 'Secret', 'regcred', { type: 'kubernetes.io/dockerconfigjson' }), deployment('web', { imagePullSecrets: [{ name: 'regcred' }] })),
  },
}, 'Secret', (ev) => ev.field === 'imagePullSecrets');

export const pvcRefMissing = refMissing({
  id: 'pvc-ref-missing', title: 'Referenced PersistentVolumeClaim does not exist', category: 'relations', severity: 'critical',
  aliases: [], needs: ['kind:PersistentVolumeClaim'], docs: docs('PersistentVolumeClaim', 'the pod stays Pending (persistentvolumeclaim not found)'),
  examples: {
    fail: yamlDocs(obj('v1', 'PersistentVolumeClaim', 'other', { spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }), deployment('web', { volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'web-data' } }] })),
    pass: yamlDocs(obj('v1', 'PersistentVolumeClaim', 'web-data', { spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }), deployment('web', { volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'web-data' } }] })),
  },
}, 'PersistentVolumeClaim');

export const serviceaccountMissing = refMissing({
  id: 'serviceaccount-missing', title: 'Referenced ServiceAccount does not exist', category: 'relations', severity: 'critical',
  aliases: ['popeye:307', 'kube-linter:non-existent-service-account'], needs: ['kind:ServiceAccount'],
  docs: { why: 'The ReplicaSet/StatefulSet controller cannot create pods for a ServiceAccount that does not exist (FailedCreate: serviceaccount not found).', fix: 'Create the ServiceAccount or fix serviceAccountName.' },
  examples: {
    fail: yamlDocs(obj('v1', 'ServiceAccount', 'other'), deployment('web', { serviceAccountName: 'web' })),
    pass: yamlDocs(obj('v1', 'ServiceAccount', 'web'), deployment('web', { serviceAccountName: 'web' }), deployment('web2', { serviceAccountName: 'default' })),
  },
}, 'ServiceAccount');
