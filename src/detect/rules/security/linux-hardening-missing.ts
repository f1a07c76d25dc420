// linux-hardening-missing: No seccomp/AppArmor/SELinux profile and capabilities not dropped.
import type { CheckMeta } from '../../check.js';
import { perContainer } from '../../util/make.js';
import { deployment, goodContainer, yamlDocs } from '../../util/examples.js';
import { sc } from './shared.js';

export const check = perContainer({
  id: 'linux-hardening-missing', title: 'No seccomp/AppArmor/SELinux profile and capabilities not dropped', category: 'security', severity: 'info',
  aliases: ['polaris:linuxHardening', 'kube-score:container-seccomp-profile'], needs: [],
  docs: { why: 'Without a seccomp profile (RuntimeDefault), AppArmor/SELinux options or dropped capabilities, the container can use every syscall the runtime allows.', fix: 'Set `securityContext.seccompProfile.type: RuntimeDefault` (pod level) and drop ALL capabilities.' },
  examples: { fail: yamlDocs(deployment('web', {}, { containers: [goodContainer({ securityContext: { runAsNonRoot: true } })] })), pass: yamlDocs(deployment('web', { securityContext: { seccompProfile: { type: 'RuntimeDefault' } } })) },
} satisfies CheckMeta, ({ c, tpl }) => {
  const hardened = sc(tpl, c, 'seccompProfile') || sc(tpl, c, 'appArmorProfile') || sc(tpl, c, 'seLinuxOptions') || ((c.securityContext?.capabilities?.drop ?? []) as string[]).map((x) => String(x).toUpperCase()).includes('ALL')
    || Object.keys(tpl.annotations).some((k) => k.startsWith('container.apparmor.security.beta.kubernetes.io/') || k === 'seccomp.security.alpha.kubernetes.io/pod');
  return hardened ? undefined : { message: `container ${c.name} has no seccomp/AppArmor/SELinux profile and does not drop ALL capabilities`, evidence: { securityContext: c.securityContext ?? null } };
});
