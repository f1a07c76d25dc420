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
import * as rt2 from './rules/runtime/more-runtime.js';
import * as rel2 from './rules/relations/more-relations.js';
import * as hygiene from './rules/workload/more-hygiene.js';
import * as hygiene2 from './rules/workload/more-hygiene-2.js';
import * as sec2 from './rules/security/more-security.js';
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
import * as refs from './rules/relations/ref-missing.js';
import { ingressBackendPortInvalid, ingressBackendServiceMissing } from './rules/relations/ingress-backend.js';
import { hpaTargetMissing, hpaTargetWithoutRequests } from './rules/relations/hpa.js';
import { pdbBlocksEviction, pdbSelectsNoPods } from './rules/relations/pdb.js';
import { check as stsService } from './rules/relations/statefulset-service-missing.js';
import { check as netpol } from './rules/relations/networkpolicy-blocks-service.js';
import { check as changeDetaches } from './rules/relations/change-detaches-relation.js';
import { check as quota } from './rules/capacity/resourcequota-fit.js';
import { check as limitRange } from './rules/capacity/limitrange-max.js';
import * as sched from './rules/capacity/scheduling.js';
import { hpaMinEqualsMax, hpaMinGtMax, hpaVpaConflict } from './rules/capacity/hpa-config.js';
import * as podState from './rules/runtime/pod-container-state.js';
import { check as unschedulable } from './rules/runtime/pod-unschedulable.js';
import { jobFailed, progressStalled, workloadUnavailable } from './rules/runtime/workload-status.js';
import { check as nodeConditions } from './rules/runtime/node-conditions.js';
import { check as warningEvents } from './rules/runtime/warning-events.js';
import { configmapUnused, pvcUnused, secretUnused } from './rules/waste/unused.js';
import { check as requestsNotEqualLimits } from './rules/workload/requests-not-equal-limits.js';
import { check as resourceOutOfRange } from './rules/workload/resource-out-of-range.js';
import { check as configmapEmptyOrOversized } from './rules/workload/configmap-empty-or-oversized.js';
import { check as dnsConfigOptionsMissing } from './rules/workload/dns-config-options-missing.js';
import { check as defaultServiceAccountUsed } from './rules/security/default-serviceaccount-used.js';
import { check as clusterVersionOld } from './rules/runtime/cluster-version-old.js';
import { check as cronjobNotRunning } from './rules/runtime/cronjob-not-running.js';
import { namespaceEmpty, pvReleased, zeroReplicas } from './rules/waste/misc.js';

export const builtinChecks: Check[] = [
  // workload hygiene
  imageTagMissing, imageTagLatest, pullPolicy, registryAllowed, cpuRequest, memoryRequest, cpuLimit, memoryLimit, liveness, readiness, probesIdentical, probePort,
  singleReplica, pdbMissing, deprecatedApi, selectorTemplate, nakedPod, hygiene.restartPolicyInvalid, hygiene.cronjobDeadlineMissing,
  hygiene.cronjobInvalidSchedule, hygiene.cronjobSuspended, hygiene.deprecatedServiceAccountField, hygiene.topologySpreadInvalid,
  hygiene.antiAffinityMissing, hygiene.pdbNoPolicy, hygiene.labelValueInvalid, envDup, portInvalid,
  hygiene2.pdbMinGtHpaMin, hygiene2.podMultiplePdbs, hygiene2.hpaMinReplicasLow, hygiene2.hpaWithStaticReplicas, hygiene2.priorityClassMissing,
  hygiene2.nameLabelMismatch, hygiene2.ephemeralStorageMissing, hygiene2.rolloutStrategyRecreate, hygiene2.jobTtlUnset,
  requestsNotEqualLimits, resourceOutOfRange, configmapEmptyOrOversized, dnsConfigOptionsMissing,
  // security
  privileged, escalation, runAsRoot, rootFs, dangerousCaps, insecureCaps, hostNetwork, hostPid, hostIpc, hostPort, hostPath, saToken, sensitiveEnv,
  sec2.linuxHardeningMissing, sec2.procMountUnmasked, sec2.windowsHostProcess, sec2.unsafeSysctls, sec2.sshPortExposed, sec2.sensitiveConfigmapContent,
  sec2.rbacExecAttach, sec2.rbacWildcard, sec2.rbacClusterAdmin, sec2.legacyIsolationAnnotation, hygiene2.ingressTlsMissing, hygiene2.podNotIsolated, hygiene2.serviceTypeNodePort, hygiene2.privilegedPort,
  defaultServiceAccountUsed,
  // relation integrity
  selectorNoMatch, portMismatch, refs.configmapRefMissing, refs.secretRefMissing, refs.imagePullSecretMissing, refs.pvcRefMissing, refs.serviceaccountMissing,
  ingressBackendServiceMissing, ingressBackendPortInvalid, hpaTargetMissing, hpaTargetWithoutRequests, pdbSelectsNoPods, pdbBlocksEviction, stsService, netpol, changeDetaches,
  hygiene2.ingressTlsSecretMissing, hygiene2.netpolSelectsNoPods, hygiene2.storageclassMissing,
  rel2.webhookServiceMissing, rel2.ingressClassMissing, rel2.serviceMonitorSelectsNothing, rel2.httpRouteBackendMissing,
  // capacity and scheduling
  quota, limitRange, sched.requestsExceedNode, sched.placementUnsatisfiable, sched.antiAffinityVsNodes, sched.topologySpreadImpossible, hpaMinGtMax, hpaMinEqualsMax, hpaVpaConflict,
  // runtime (live)
  podState.crashLoop, podState.imagePull, podState.configError, podState.oomKilled, podState.restarting, unschedulable, progressStalled, workloadUnavailable, jobFailed, nodeConditions, warningEvents,
  rt2.serviceNoReadyEndpoints, rt2.pvcPendingOrLost, rt2.podFailed, rt2.hpaConditionFailing,
  clusterVersionOld, cronjobNotRunning,
  // waste
  zeroReplicas, configmapUnused, secretUnused, pvcUnused, pvReleased, namespaceEmpty,
];

/** Finds a check by id or alias (case-insensitive for aliases such as K8S-QUOTA). */
export function findCheck(checks: Check[], idOrAlias: string): Check | undefined {
  const q = idOrAlias.toLowerCase();
  return checks.find((c) => c.meta.id === idOrAlias) ?? checks.find((c) => c.meta.id.toLowerCase() === q || (c.meta.aliases ?? []).some((a) => a.toLowerCase() === q));
}

/** Every built-in check: the Kubernetes packs above plus the middleware linkage pack (rules/linkage). */
export { linkageChecks } from './rules/linkage/index.js';
import { linkageChecks as linkage } from './rules/linkage/index.js';
export const allBuiltinChecks: Check[] = [...builtinChecks, ...linkage];
