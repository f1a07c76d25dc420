// The built-in checks, by pack. Add a check: write rules/<pack>/<id>.ts (+ test), list it here.
import type { Check } from './check.js';
import { check as imageTagMissing } from './rules/workload/image-tag-missing.js';
import { check as imageTagLatest } from './rules/workload/image-tag-latest.js';
import { check as pullPolicy } from './rules/workload/image-pull-policy-not-always.js';
import { check as cpuRequest } from './rules/workload/cpu-request-missing.js';
import { check as memoryRequest } from './rules/workload/memory-request-missing.js';
import { check as cpuLimit } from './rules/workload/cpu-limit-missing.js';
import { check as memoryLimit } from './rules/workload/memory-limit-missing.js';
import { check as liveness } from './rules/workload/liveness-probe-missing.js';
import { check as readiness } from './rules/workload/readiness-probe-missing.js';
import { check as probesIdentical } from './rules/workload/probes-identical.js';
import { check as probePort } from './rules/workload/probe-port-not-exposed.js';
import { check as singleReplica } from './rules/workload/deployment-single-replica.js';
import { check as pdbMissing } from './rules/workload/pdb-missing.js';
import { check as deprecatedApi } from './rules/workload/deprecated-api-version.js';
import { check as selectorTemplate } from './rules/workload/selector-template-mismatch.js';
import { check as nakedPod } from './rules/workload/naked-pod.js';
import { check as registryAllowed } from './rules/workload/image-registry-not-allowed.js';
import { check as serviceNoReadyEndpoints } from './rules/runtime/service-no-ready-endpoints.js';
import { check as pvcPendingOrLost } from './rules/runtime/pvc-pending-or-lost.js';
import { check as podFailed } from './rules/runtime/pod-failed.js';
import { check as hpaConditionFailing } from './rules/runtime/hpa-condition-failing.js';
import { check as webhookServiceMissing } from './rules/relations/webhook-service-missing.js';
import { check as ingressClassMissing } from './rules/relations/ingress-class-missing.js';
import { check as serviceMonitorSelectsNothing } from './rules/relations/servicemonitor-selects-nothing.js';
import { check as httpRouteBackendMissing } from './rules/relations/gateway-api-broken-ref.js';
import { check as restartPolicyInvalid } from './rules/workload/restart-policy-invalid.js';
import { check as cronjobDeadlineMissing } from './rules/workload/cronjob-deadline-missing.js';
import { check as cronjobInvalidSchedule } from './rules/workload/cronjob-invalid-schedule.js';
import { check as cronjobSuspended } from './rules/workload/cronjob-suspended.js';
import { check as deprecatedServiceAccountField } from './rules/workload/deprecated-serviceaccount-field.js';
import { check as topologySpreadInvalid } from './rules/workload/topology-spread-missing-or-invalid.js';
import { check as antiAffinityMissing } from './rules/workload/anti-affinity-missing.js';
import { check as pdbNoPolicy } from './rules/workload/pdb-no-policy.js';
import { check as labelValueInvalid } from './rules/workload/label-value-invalid.js';
import { check as pdbMinGtHpaMin } from './rules/workload/pdb-min-gt-hpa-min.js';
import { check as podMultiplePdbs } from './rules/workload/pod-multiple-pdbs.js';
import { check as hpaMinReplicasLow } from './rules/workload/hpa-min-replicas-low.js';
import { check as hpaWithStaticReplicas } from './rules/workload/hpa-with-static-replicas.js';
import { check as priorityClassMissing } from './rules/workload/priority-class-missing.js';
import { check as nameLabelMismatch } from './rules/workload/name-label-mismatch.js';
import { check as ephemeralStorageMissing } from './rules/workload/ephemeral-storage-missing.js';
import { check as rolloutStrategyRecreate } from './rules/workload/rollout-strategy-not-rolling.js';
import { check as jobTtlUnset } from './rules/workload/job-ttl-unset.js';
import { check as ingressTlsMissing } from './rules/workload/ingress-tls-missing.js';
import { check as podNotIsolated } from './rules/workload/pod-not-isolated-by-netpol.js';
import { check as serviceTypeNodePort } from './rules/workload/service-type-nodeport.js';
import { check as privilegedPort } from './rules/workload/privileged-port.js';
import { check as ingressTlsSecretMissing } from './rules/workload/ingress-tls-secret-missing.js';
import { check as netpolSelectsNoPods } from './rules/workload/netpol-selects-no-pods.js';
import { check as storageclassMissing } from './rules/workload/storageclass-missing.js';
import { check as linuxHardeningMissing } from './rules/security/linux-hardening-missing.js';
import { check as procMountUnmasked } from './rules/security/proc-mount-unmasked.js';
import { check as windowsHostProcess } from './rules/security/windows-host-process.js';
import { check as unsafeSysctls } from './rules/security/unsafe-sysctls.js';
import { check as sshPortExposed } from './rules/security/ssh-port-exposed.js';
import { check as sensitiveConfigmapContent } from './rules/security/sensitive-configmap-content.js';
import { check as rbacExecAttach } from './rules/security/rbac-role-allows-exec-attach.js';
import { check as rbacWildcard } from './rules/security/rbac-wildcard-rules.js';
import { check as rbacClusterAdmin } from './rules/security/rbac-cluster-admin-binding.js';
import { check as legacyIsolationAnnotation } from './rules/security/netpol-legacy-isolation-annotation.js';
import { check as privileged } from './rules/security/privileged-container.js';
import { check as escalation } from './rules/security/privilege-escalation-allowed.js';
import { check as runAsRoot } from './rules/security/run-as-root-allowed.js';
import { check as rootFs } from './rules/security/root-filesystem-writable.js';
import { check as dangerousCaps } from './rules/security/dangerous-capabilities.js';
import { check as insecureCaps } from './rules/security/insecure-capabilities-kept.js';
import { check as hostNetwork } from './rules/security/host-network.js';
import { check as hostPid } from './rules/security/host-pid.js';
import { check as hostIpc } from './rules/security/host-ipc.js';
import { check as hostPort } from './rules/security/host-port.js';
import { check as hostPath } from './rules/security/host-path-volume.js';
import { check as saToken } from './rules/security/sa-token-automounted.js';
import { check as sensitiveEnv } from './rules/security/sensitive-env-var.js';
import { check as envDup } from './rules/security/env-var-duplicated.js';
import { check as portInvalid } from './rules/security/container-port-invalid.js';
import { check as selectorNoMatch } from './rules/relations/service-selector-no-match.js';
import { check as portMismatch } from './rules/relations/service-port-mismatch.js';
import { check as configmapRefMissing } from './rules/relations/configmap-ref-missing.js';
import { check as secretRefMissing } from './rules/relations/secret-ref-missing.js';
import { check as imagePullSecretMissing } from './rules/relations/image-pull-secret-missing.js';
import { check as pvcRefMissing } from './rules/relations/pvc-ref-missing.js';
import { check as serviceaccountMissing } from './rules/relations/serviceaccount-missing.js';
import { check as ingressBackendServiceMissing } from './rules/relations/ingress-backend-service-missing.js';
import { check as ingressBackendPortInvalid } from './rules/relations/ingress-backend-port-invalid.js';
import { check as hpaTargetMissing } from './rules/relations/hpa-target-missing.js';
import { check as hpaTargetWithoutRequests } from './rules/relations/hpa-target-without-requests.js';
import { check as pdbSelectsNoPods } from './rules/relations/pdb-selects-no-pods.js';
import { check as pdbBlocksEviction } from './rules/relations/pdb-blocks-eviction.js';
import { check as stsService } from './rules/relations/statefulset-service-missing.js';
import { check as netpol } from './rules/relations/networkpolicy-blocks-service.js';
import { check as netpolEgress } from './rules/relations/networkpolicy-blocks-egress.js';
import { check as changeDetaches } from './rules/relations/change-detaches-relation.js';
import { check as quota } from './rules/capacity/resourcequota-fit.js';
import { check as limitRange } from './rules/capacity/limitrange-violation.js';
import { check as requestsExceedNode } from './rules/capacity/requests-exceed-node-allocatable.js';
import { check as placementUnsatisfiable } from './rules/capacity/node-placement-unsatisfiable.js';
import { check as antiAffinityVsNodes } from './rules/capacity/anti-affinity-exceeds-nodes.js';
import { check as topologySpreadImpossible } from './rules/capacity/topology-spread-impossible.js';
import { check as hpaMinGtMax } from './rules/capacity/hpa-min-greater-than-max.js';
import { check as hpaMinEqualsMax } from './rules/capacity/hpa-min-equals-max.js';
import { check as hpaVpaConflict } from './rules/capacity/hpa-vpa-conflict.js';
import { check as crashLoop } from './rules/runtime/pod-crashloop-backoff.js';
import { check as imagePull } from './rules/runtime/pod-image-pull-failed.js';
import { check as configError } from './rules/runtime/pod-waiting-error.js';
import { check as oomKilled } from './rules/runtime/pod-oomkilled.js';
import { check as restarting } from './rules/runtime/pod-restarting.js';
import { check as unschedulable } from './rules/runtime/pod-unschedulable.js';
import { check as progressStalled } from './rules/runtime/deployment-progress-stalled.js';
import { check as workloadUnavailable } from './rules/runtime/workload-unavailable.js';
import { check as jobFailed } from './rules/runtime/job-failed.js';
import { check as nodeConditions } from './rules/runtime/node-not-ready-or-pressure.js';
import { check as warningEvents } from './rules/runtime/warning-events.js';
import { check as configmapUnused } from './rules/waste/configmap-unused.js';
import { check as secretUnused } from './rules/waste/secret-unused.js';
import { check as pvcUnused } from './rules/waste/pvc-unused.js';
import { check as requestsNotEqualLimits } from './rules/workload/requests-not-equal-limits.js';
import { check as resourceOutOfRange } from './rules/workload/resource-out-of-range.js';
import { check as configmapEmptyOrOversized } from './rules/workload/configmap-empty-or-oversized.js';
import { check as dnsConfigOptionsMissing } from './rules/workload/dns-config-options-missing.js';
import { check as defaultServiceAccountUsed } from './rules/security/default-serviceaccount-used.js';
import { check as clusterVersionOld } from './rules/runtime/cluster-version-old.js';
import { check as cronjobNotRunning } from './rules/runtime/cronjob-not-running.js';
import { check as zeroReplicas } from './rules/waste/workload-zero-replicas.js';
import { check as pvReleased } from './rules/waste/pv-phase-problem.js';
import { check as namespaceEmpty } from './rules/waste/namespace-empty.js';

export const builtinChecks: Check[] = [
  // workload hygiene
  imageTagMissing, imageTagLatest, pullPolicy, registryAllowed, cpuRequest, memoryRequest, cpuLimit, memoryLimit, liveness, readiness, probesIdentical, probePort,
  singleReplica, pdbMissing, deprecatedApi, selectorTemplate, nakedPod, restartPolicyInvalid, cronjobDeadlineMissing,
  cronjobInvalidSchedule, cronjobSuspended, deprecatedServiceAccountField, topologySpreadInvalid,
  antiAffinityMissing, pdbNoPolicy, labelValueInvalid, envDup, portInvalid,
  pdbMinGtHpaMin, podMultiplePdbs, hpaMinReplicasLow, hpaWithStaticReplicas, priorityClassMissing,
  nameLabelMismatch, ephemeralStorageMissing, rolloutStrategyRecreate, jobTtlUnset,
  requestsNotEqualLimits, resourceOutOfRange, configmapEmptyOrOversized, dnsConfigOptionsMissing,
  // security
  privileged, escalation, runAsRoot, rootFs, dangerousCaps, insecureCaps, hostNetwork, hostPid, hostIpc, hostPort, hostPath, saToken, sensitiveEnv,
  linuxHardeningMissing, procMountUnmasked, windowsHostProcess, unsafeSysctls, sshPortExposed, sensitiveConfigmapContent,
  rbacExecAttach, rbacWildcard, rbacClusterAdmin, legacyIsolationAnnotation, ingressTlsMissing, podNotIsolated, serviceTypeNodePort, privilegedPort,
  defaultServiceAccountUsed,
  // relation integrity
  selectorNoMatch, portMismatch, configmapRefMissing, secretRefMissing, imagePullSecretMissing, pvcRefMissing, serviceaccountMissing,
  ingressBackendServiceMissing, ingressBackendPortInvalid, hpaTargetMissing, hpaTargetWithoutRequests, pdbSelectsNoPods, pdbBlocksEviction, stsService, netpol, netpolEgress, changeDetaches,
  ingressTlsSecretMissing, netpolSelectsNoPods, storageclassMissing,
  webhookServiceMissing, ingressClassMissing, serviceMonitorSelectsNothing, httpRouteBackendMissing,
  // capacity and scheduling
  quota, limitRange, requestsExceedNode, placementUnsatisfiable, antiAffinityVsNodes, topologySpreadImpossible, hpaMinGtMax, hpaMinEqualsMax, hpaVpaConflict,
  // runtime (live)
  crashLoop, imagePull, configError, oomKilled, restarting, unschedulable, progressStalled, workloadUnavailable, jobFailed, nodeConditions, warningEvents,
  serviceNoReadyEndpoints, pvcPendingOrLost, podFailed, hpaConditionFailing,
  clusterVersionOld, cronjobNotRunning,
  // waste
  zeroReplicas, configmapUnused, secretUnused, pvcUnused, pvReleased, namespaceEmpty,
];

/** Finds a check by id or alias (case-insensitive for aliases such as K8S-QUOTA). */
export function findCheck(checks: Check[], idOrAlias: string): Check | undefined {
  return findChecks(checks, idOrAlias)[0];
}

/**
 * Every check an id or alias names: the check with that id, else all checks carrying the alias
 * (K8S-NETPOL names both the ingress and the egress NetworkPolicy checks).
 */
export function findChecks(checks: Check[], idOrAlias: string): Check[] {
  const exact = checks.find((c) => c.meta.id === idOrAlias);
  if (exact) return [exact];
  const q = idOrAlias.toLowerCase();
  return checks.filter((c) => c.meta.id.toLowerCase() === q || (c.meta.aliases ?? []).some((a) => a.toLowerCase() === q));
}

/** Every built-in check: the Kubernetes packs above plus the middleware linkage pack (rules/linkage). */
export { linkageChecks } from './rules/linkage/index.js';
import { linkageChecks as linkage } from './rules/linkage/index.js';
export const allBuiltinChecks: Check[] = [...builtinChecks, ...linkage];
