// Further Polaris / kube-linter security checks: small, one finding each.
import type { Check, CheckMeta } from '../../check.js';
import type { Finding } from '../../../model/finding.js';
import { perContainer, perObject, perTemplate } from '../../util/make.js';
import { finding } from '../../util/finding.js';
import { deployment, goodContainer, obj, yamlDocs } from '../../util/examples.js';
import { containerPorts } from '../../util/pods.js';
import { sc } from './shared.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
export const linuxHardeningMissing = perContainer({
  id: 'linux-hardening-missing', title: 'No seccomp/AppArmor/SELinux profile and capabilities not dropped', category: 'security', severity: 'info',
  aliases: ['polaris:linuxHardening', 'kube-score:container-seccomp-profile'], needs: [],
  docs: { why: 'Without a seccomp profile (RuntimeDefault), AppArmor/SELinux options or dropped capabilities, the container can use every syscall the runtime allows.', fix: 'Set `securityContext.seccompProfile.type: RuntimeDefault` (pod level) and drop ALL capabilities.' },
  examples: { fail: yamlDocs(deployment('web', {}, { containers: [goodContainer({ securityContext: { runAsNonRoot: true } })] })), pass: yamlDocs(deployment('web', { securityContext: { seccompProfile: { type: 'RuntimeDefault' } } })) },
} satisfies CheckMeta, ({ c, tpl }) => {
  const hardened = sc(tpl, c, 'seccompProfile') || sc(tpl, c, 'appArmorProfile') || sc(tpl, c, 'seLinuxOptions') || ((c.securityContext?.capabilities?.drop ?? []) as string[]).map((x) => String(x).toUpperCase()).includes('ALL')
    || Object.keys(tpl.annotations).some((k) => k.startsWith('container.apparmor.security.beta.kubernetes.io/') || k === 'seccomp.security.alpha.kubernetes.io/pod');
  return hardened ? undefined : { message: `container ${c.name} has no seccomp/AppArmor/SELinux profile and does not drop ALL capabilities`, evidence: { securityContext: c.securityContext ?? null } };
});

export const procMountUnmasked = perContainer({
  id: 'proc-mount-unmasked', title: 'procMount Unmasked', category: 'security', severity: 'warning', aliases: ['polaris:procMount', 'kube-linter:unsafe-proc-mount'], needs: [],
  docs: { why: 'An unmasked /proc exposes kernel interfaces that the runtime normally hides from containers.', fix: 'Remove `securityContext.procMount: Unmasked`.' },
  examples: { fail: yamlDocs(deployment('web', {}, { containers: [goodContainer({ securityContext: { procMount: 'Unmasked' } })] })), pass: yamlDocs(deployment('web')) },
} satisfies CheckMeta, ({ c }) => (c.securityContext?.procMount === 'Unmasked' ? { message: `container ${c.name} mounts /proc unmasked`, evidence: { procMount: 'Unmasked' } } : undefined), { init: true });

export const windowsHostProcess = perTemplate({
  id: 'windows-host-process', title: 'Windows HostProcess container', category: 'security', severity: 'warning', aliases: ['polaris:hostProcess'], needs: [],
  docs: { why: 'A Windows HostProcess container runs directly on the host with host privileges.', fix: 'Remove `windowsOptions.hostProcess: true` unless this is a node agent.' },
  examples: { fail: yamlDocs(deployment('agent', { securityContext: { windowsOptions: { hostProcess: true } }, hostNetwork: true })), pass: yamlDocs(deployment('web')) },
} satisfies CheckMeta, (tpl) => {
  const on = tpl.spec?.securityContext?.windowsOptions?.hostProcess === true || (tpl.spec?.containers ?? []).some((c: any) => c?.securityContext?.windowsOptions?.hostProcess === true);
  return on ? { message: 'runs a Windows HostProcess container', evidence: { hostProcess: true } } : undefined;
});

const SAFE_SYSCTLS = new Set(['kernel.shm_rmid_forced', 'net.ipv4.ip_local_port_range', 'net.ipv4.tcp_syncookies', 'net.ipv4.ping_group_range', 'net.ipv4.ip_unprivileged_port_start', 'net.ipv4.ip_local_reserved_ports', 'net.ipv4.tcp_keepalive_time', 'net.ipv4.tcp_fin_timeout', 'net.ipv4.tcp_keepalive_intvl', 'net.ipv4.tcp_keepalive_probes']);
export const unsafeSysctls = perTemplate({
  id: 'unsafe-sysctls', title: 'Unsafe sysctls', category: 'security', severity: 'warning', aliases: ['kube-linter:unsafe-sysctls'], needs: [],
  docs: { why: 'Sysctls outside the safe set affect the whole node; the kubelet rejects the pod unless explicitly allowed.', fix: 'Remove the sysctl or use only the namespaced safe set.' },
  examples: { fail: yamlDocs(deployment('web', { securityContext: { sysctls: [{ name: 'kernel.msgmax', value: '65536' }] } })), pass: yamlDocs(deployment('web', { securityContext: { sysctls: [{ name: 'net.ipv4.tcp_syncookies', value: '1' }] } })) },
} satisfies CheckMeta, (tpl) => {
  const bad = ((tpl.spec?.securityContext?.sysctls ?? []) as any[]).filter((s) => !SAFE_SYSCTLS.has(s?.name));
  return bad.length ? { message: `unsafe sysctls: ${bad.map((s) => s.name).join(', ')}`, evidence: { sysctls: bad } } : undefined;
});

export const sshPortExposed = perContainer({
  id: 'ssh-port-exposed', title: 'Container exposes SSH (port 22)', category: 'security', severity: 'warning', aliases: ['kube-linter:ssh-port'], needs: [],
  docs: { why: 'An SSH daemon in a container is a second, unmanaged way in; use `kubectl exec` or ephemeral debug containers instead.', fix: 'Remove the SSH server and port 22.' },
  examples: { fail: yamlDocs(deployment('web', {}, { containers: [goodContainer({ ports: [{ name: 'ssh', containerPort: 22 }] })] })), pass: yamlDocs(deployment('web')) },
} satisfies CheckMeta, ({ c }) => (containerPorts(c).some((p) => p.containerPort === 22) ? { message: `container ${c.name} exposes port 22`, evidence: { ports: containerPorts(c) } } : undefined));

const SECRET_KEY = /(^|[_.-])(pass(word|wd)?|pwd|secret|token|api[_-]?key|private[_-]?key|credentials?)$/i;
export const sensitiveConfigmapContent = perObject({
  id: 'sensitive-configmap-content', title: 'Credential-looking key in a ConfigMap', category: 'security', severity: 'warning', aliases: ['polaris:sensitiveConfigmapContent'], needs: [],
  docs: { why: 'ConfigMaps are not Secrets: readable by anyone with view access, not encrypted at rest, logged by tools. Values are never printed here.', fix: 'Move the value to a Secret and reference it (secretKeyRef / secret volume).' },
  examples: { fail: yamlDocs(obj('v1', 'ConfigMap', 'app', { data: { DB_PASSWORD: 'hunter2', LOG_LEVEL: 'info' } })), pass: yamlDocs(obj('v1', 'ConfigMap', 'app', { data: { LOG_LEVEL: 'info', 'application.yaml': 'password: ${DB_PASSWORD}' } })) },
} satisfies CheckMeta, ['ConfigMap'], (cm) => {
  const keys = Object.entries((cm.obj as any).data ?? {}).filter(([k, v]) => SECRET_KEY.test(k) && typeof v === 'string' && v.length > 0 && !/^\$\{.*\}$/.test(v)).map(([k]) => k);
  return keys.length ? { message: `ConfigMap ${cm.ci.name} has credential-looking keys: ${keys.join(', ')}`, evidence: { keys } } : undefined;
});

// RBAC: roles that grant exec/attach, wildcard rules, bindings to cluster-admin.
function rulesOf(role: any): any[] {
  return Array.isArray(role?.rules) ? role.rules : [];
}
const grants = (rule: any, resource: string, verbs: string[]) =>
  (rule.resources ?? []).some((r: string) => r === '*' || r === resource) && (rule.verbs ?? []).some((v: string) => v === '*' || verbs.includes(v)) && ((rule.apiGroups ?? ['']).includes('') || (rule.apiGroups ?? []).includes('*'));
const SYSTEM_ROLE = /^(system:|cluster-admin$|admin$|edit$|view$)/;

export const rbacExecAttach = perObject({
  id: 'rbac-role-allows-exec-attach', title: 'Role grants pods/exec or pods/attach', category: 'security', severity: 'warning',
  aliases: ['polaris:clusterrolePodExecAttach', 'polaris:rolePodExecAttach'], needs: [],
  docs: { why: 'pods/exec and pods/attach give a shell in any matching pod, with that pod\'s service account and secrets.', fix: 'Remove create on pods/exec and pods/attach from the role, or bind it only to break-glass users.' },
  examples: {
    fail: yamlDocs(obj('rbac.authorization.k8s.io/v1', 'Role', 'debugger', { rules: [{ apiGroups: [''], resources: ['pods/exec'], verbs: ['create'] }] })),
    pass: yamlDocs(obj('rbac.authorization.k8s.io/v1', 'Role', 'reader', { rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get', 'list'] }] })),
  },
} satisfies CheckMeta, ['Role', 'ClusterRole'], (r) => {
  if (SYSTEM_ROLE.test(r.ci.name)) return undefined;
  const bad = ['pods/exec', 'pods/attach'].filter((res) => rulesOf(r.obj).some((rule) => grants(rule, res, ['create', 'get'])));
  return bad.length ? { message: `${r.ci.kind} ${r.ci.name} grants ${bad.join(' and ')}`, evidence: { resources: bad } } : undefined;
});

export const rbacWildcard = perObject({
  id: 'rbac-wildcard-rules', title: 'Role uses * in verbs or resources', category: 'security', severity: 'warning',
  aliases: ['kube-linter:wildcard-in-rules', 'k8sgpt:Security'], needs: [],
  docs: { why: 'A wildcard grants everything, including resources and verbs added in future versions (and secrets).', fix: 'List the resources and verbs the subject actually needs.' },
  examples: { fail: yamlDocs(obj('rbac.authorization.k8s.io/v1', 'ClusterRole', 'app-admin', { rules: [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }] }, null)), pass: yamlDocs(obj('rbac.authorization.k8s.io/v1', 'ClusterRole', 'app-reader', { rules: [{ apiGroups: [''], resources: ['configmaps'], verbs: ['get'] }] }, null)) },
} satisfies CheckMeta, ['Role', 'ClusterRole'], (r) => {
  if (SYSTEM_ROLE.test(r.ci.name)) return undefined;
  const wild = rulesOf(r.obj).filter((rule) => (rule.verbs ?? []).includes('*') || (rule.resources ?? []).includes('*'));
  return wild.length ? { message: `${r.ci.kind} ${r.ci.name} has ${wild.length} rule(s) with * verbs/resources`, evidence: { rules: wild } } : undefined;
});

export const rbacClusterAdmin: Check = {
  meta: {
    id: 'rbac-cluster-admin-binding', title: 'Binding to cluster-admin', category: 'security', severity: 'warning',
    aliases: ['polaris:clusterrolebindingClusterAdmin', 'polaris:rolebindingClusterAdminClusterRole', 'kube-linter:cluster-admin-role-binding'], needs: [],
    docs: { why: 'cluster-admin can do anything anywhere; a workload service account bound to it turns any pod compromise into a cluster compromise.', fix: 'Bind a role with only the permissions the subject needs.' },
    examples: {
      fail: yamlDocs(obj('rbac.authorization.k8s.io/v1', 'ClusterRoleBinding', 'ci', { roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' }, subjects: [{ kind: 'ServiceAccount', name: 'ci', namespace: 'tools' }] }, null)),
      pass: yamlDocs(obj('rbac.authorization.k8s.io/v1', 'ClusterRoleBinding', 'ci', { roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' }, subjects: [{ kind: 'ServiceAccount', name: 'ci', namespace: 'tools' }] }, null)),
    },
  },
  run(ctx) {
    const out: Finding[] = [];
    for (const b of [...ctx.inv.byKind('ClusterRoleBinding'), ...ctx.inv.byKind('RoleBinding')]) {
      if (/^system:/.test(b.ci.name)) continue;
      const ref = (b.obj as any).roleRef;
      if (ref?.name !== 'cluster-admin') continue;
      const subj = ((b.obj as any).subjects ?? []).map((s: any) => `${s.kind} ${s.namespace ? `${s.namespace}/` : ''}${s.name}`);
      out.push(finding(this.meta, b, { message: `${b.ci.kind} ${b.ci.name} grants cluster-admin to ${subj.join(', ') || 'nobody'}`, evidence: { roleRef: ref, subjects: subj } }));
    }
    return out;
  },
};

export const legacyIsolationAnnotation = perObject({
  id: 'netpol-legacy-isolation-annotation', title: 'Namespace relies on the removed DefaultDeny annotation', category: 'security', severity: 'warning', aliases: [], needs: [],
  docs: { why: 'The `net.beta.kubernetes.io/network-policy` DefaultDeny annotation was the NetworkPolicy beta API; it has been ignored since Kubernetes 1.7. The namespace is NOT default-deny: pods no policy selects accept all traffic.', fix: 'Replace the annotation with a NetworkPolicy `podSelector: {}` and `policyTypes: [Ingress]`.' },
  examples: {
    fail: yamlDocs(obj('v1', 'Namespace', 'shop', { metadata: { name: 'shop', annotations: { 'net.beta.kubernetes.io/network-policy': '{"ingress":{"isolation":"DefaultDeny"}}' } } }, null)),
    pass: yamlDocs(obj('v1', 'Namespace', 'shop', {}, null), obj('networking.k8s.io/v1', 'NetworkPolicy', 'default-deny', { spec: { podSelector: {}, policyTypes: ['Ingress'] } })),
  },
} satisfies CheckMeta, ['Namespace'], (n, ctx) => {
  if (!/DefaultDeny/i.test(n.ci.annotations['net.beta.kubernetes.io/network-policy'] ?? '')) return undefined;
  const real = ctx.inv.byKind('NetworkPolicy').some((p) => p.ci.namespace === n.ci.name && Object.keys(p.obj.spec?.podSelector ?? {}).length === 0 && !(p.obj.spec?.ingress ?? []).length);
  return real ? undefined : { message: `namespace ${n.ci.name} asks for DefaultDeny through the beta annotation, which Kubernetes ignores: it is not isolated`, evidence: { annotation: n.ci.annotations['net.beta.kubernetes.io/network-policy'] } };
});
