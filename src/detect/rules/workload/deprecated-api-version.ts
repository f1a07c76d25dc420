import type { Check, CheckMeta } from '../../check.js';
import type { Finding } from '../../../model/finding.js';
import { finding } from '../../util/finding.js';
import { yamlDocs, deployment } from '../../util/examples.js';

/** apiVersion/kind → [removed in, replacement]. From the Kubernetes deprecated API migration guide. */
export const REMOVED: Record<string, [string, string]> = {
  'extensions/v1beta1/Deployment': ['1.16', 'apps/v1'], 'apps/v1beta1/Deployment': ['1.16', 'apps/v1'], 'apps/v1beta2/Deployment': ['1.16', 'apps/v1'],
  'extensions/v1beta1/DaemonSet': ['1.16', 'apps/v1'], 'apps/v1beta2/DaemonSet': ['1.16', 'apps/v1'],
  'extensions/v1beta1/ReplicaSet': ['1.16', 'apps/v1'], 'apps/v1beta1/StatefulSet': ['1.16', 'apps/v1'], 'apps/v1beta2/StatefulSet': ['1.16', 'apps/v1'],
  'extensions/v1beta1/NetworkPolicy': ['1.16', 'networking.k8s.io/v1'], 'extensions/v1beta1/PodSecurityPolicy': ['1.16', 'policy/v1beta1 (itself removed in 1.25)'],
  'extensions/v1beta1/Ingress': ['1.22', 'networking.k8s.io/v1'], 'networking.k8s.io/v1beta1/Ingress': ['1.22', 'networking.k8s.io/v1'],
  'networking.k8s.io/v1beta1/IngressClass': ['1.22', 'networking.k8s.io/v1'],
  'rbac.authorization.k8s.io/v1beta1/ClusterRole': ['1.22', 'rbac.authorization.k8s.io/v1'], 'rbac.authorization.k8s.io/v1beta1/ClusterRoleBinding': ['1.22', 'rbac.authorization.k8s.io/v1'],
  'rbac.authorization.k8s.io/v1beta1/Role': ['1.22', 'rbac.authorization.k8s.io/v1'], 'rbac.authorization.k8s.io/v1beta1/RoleBinding': ['1.22', 'rbac.authorization.k8s.io/v1'],
  'apiextensions.k8s.io/v1beta1/CustomResourceDefinition': ['1.22', 'apiextensions.k8s.io/v1'],
  'admissionregistration.k8s.io/v1beta1/ValidatingWebhookConfiguration': ['1.22', 'admissionregistration.k8s.io/v1'],
  'admissionregistration.k8s.io/v1beta1/MutatingWebhookConfiguration': ['1.22', 'admissionregistration.k8s.io/v1'],
  'scheduling.k8s.io/v1beta1/PriorityClass': ['1.22', 'scheduling.k8s.io/v1'], 'storage.k8s.io/v1beta1/CSIDriver': ['1.22', 'storage.k8s.io/v1'],
  'certificates.k8s.io/v1beta1/CertificateSigningRequest': ['1.22', 'certificates.k8s.io/v1'],
  'batch/v1beta1/CronJob': ['1.25', 'batch/v1'], 'policy/v1beta1/PodDisruptionBudget': ['1.25', 'policy/v1'], 'policy/v1beta1/PodSecurityPolicy': ['1.25', 'Pod Security Admission'],
  'discovery.k8s.io/v1beta1/EndpointSlice': ['1.25', 'discovery.k8s.io/v1'], 'events.k8s.io/v1beta1/Event': ['1.25', 'events.k8s.io/v1'],
  'autoscaling/v2beta1/HorizontalPodAutoscaler': ['1.25', 'autoscaling/v2'], 'autoscaling/v2beta2/HorizontalPodAutoscaler': ['1.26', 'autoscaling/v2'],
  'storage.k8s.io/v1beta1/CSIStorageCapacity': ['1.27', 'storage.k8s.io/v1'],
  'flowcontrol.apiserver.k8s.io/v1beta2/FlowSchema': ['1.29', 'flowcontrol.apiserver.k8s.io/v1'], 'flowcontrol.apiserver.k8s.io/v1beta2/PriorityLevelConfiguration': ['1.29', 'flowcontrol.apiserver.k8s.io/v1'],
  'flowcontrol.apiserver.k8s.io/v1beta3/FlowSchema': ['1.32', 'flowcontrol.apiserver.k8s.io/v1'], 'flowcontrol.apiserver.k8s.io/v1beta3/PriorityLevelConfiguration': ['1.32', 'flowcontrol.apiserver.k8s.io/v1'],
};

const meta: CheckMeta = {
  id: 'deprecated-api-version',
  title: 'Removed or deprecated API version',
  category: 'workload',
  severity: 'critical',
  aliases: ['kube-score:stable-version', 'kube-linter:no-extensions-v1beta', 'popeye:403'],
  needs: [],
  docs: {
    why: 'API versions removed from Kubernetes are rejected by current API servers: `kubectl apply` fails and upgrades break.',
    fix: 'Move the manifest to the replacement apiVersion (`kubectl convert` helps; check field changes such as Ingress backend.service).',
  },
  examples: {
    fail: yamlDocs(deployment('web', {}, { apiVersion: 'extensions/v1beta1' })),
    pass: yamlDocs(deployment('web')),
  },
};

export const check: Check = {
  meta,
  run(ctx) {
    const out: Finding[] = [];
    for (const item of ctx.inv.items) {
      const r = REMOVED[`${item.obj.apiVersion}/${item.obj.kind}`];
      if (!r) continue;
      out.push(finding(meta, item, {
        message: `${item.obj.kind} ${item.ci.name} uses ${item.obj.apiVersion}, removed in Kubernetes ${r[0]}; use ${r[1]}`,
        evidence: { apiVersion: item.obj.apiVersion, removedIn: r[0], replacement: r[1] },
        fix: `Change apiVersion to ${r[1]} and adjust the fields that changed.`,
      }));
    }
    return out;
  },
};
