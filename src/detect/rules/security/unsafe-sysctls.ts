// unsafe-sysctls: Unsafe sysctls.
import type { CheckMeta } from '../../check.js';
import { perTemplate } from '../../util/make.js';
import { deployment, yamlDocs } from '../../util/examples.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
const SAFE_SYSCTLS = new Set(['kernel.shm_rmid_forced', 'net.ipv4.ip_local_port_range', 'net.ipv4.tcp_syncookies', 'net.ipv4.ping_group_range', 'net.ipv4.ip_unprivileged_port_start', 'net.ipv4.ip_local_reserved_ports', 'net.ipv4.tcp_keepalive_time', 'net.ipv4.tcp_fin_timeout', 'net.ipv4.tcp_keepalive_intvl', 'net.ipv4.tcp_keepalive_probes']);

export const check = perTemplate({
  id: 'unsafe-sysctls', title: 'Unsafe sysctls', category: 'security', severity: 'warning', aliases: ['kube-linter:unsafe-sysctls'], needs: [],
  docs: { why: 'Sysctls outside the safe set affect the whole node; the kubelet rejects the pod unless explicitly allowed.', fix: 'Remove the sysctl or use only the namespaced safe set.' },
  examples: { fail: yamlDocs(deployment('web', { securityContext: { sysctls: [{ name: 'kernel.msgmax', value: '65536' }] } })), pass: yamlDocs(deployment('web', { securityContext: { sysctls: [{ name: 'net.ipv4.tcp_syncookies', value: '1' }] } })) },
} satisfies CheckMeta, (tpl) => {
  const bad = ((tpl.spec?.securityContext?.sysctls ?? []) as any[]).filter((s) => !SAFE_SYSCTLS.has(s?.name));
  return bad.length ? { message: `unsafe sysctls: ${bad.map((s) => s.name).join(', ')}`, evidence: { sysctls: bad } } : undefined;
});
