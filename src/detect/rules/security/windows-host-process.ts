// windows-host-process: Windows HostProcess container.
import type { CheckMeta } from '../../check.js';
import { perTemplate } from '../../util/make.js';
import { deployment, yamlDocs } from '../../util/examples.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
export const check = perTemplate({
  id: 'windows-host-process', title: 'Windows HostProcess container', category: 'security', severity: 'warning', aliases: ['polaris:hostProcess'], needs: [],
  docs: { why: 'A Windows HostProcess container runs directly on the host with host privileges.', fix: 'Remove `windowsOptions.hostProcess: true` unless this is a node agent.' },
  examples: { fail: yamlDocs(deployment('agent', { securityContext: { windowsOptions: { hostProcess: true } }, hostNetwork: true })), pass: yamlDocs(deployment('web')) },
} satisfies CheckMeta, (tpl) => {
  const on = tpl.spec?.securityContext?.windowsOptions?.hostProcess === true || (tpl.spec?.containers ?? []).some((c: any) => c?.securityContext?.windowsOptions?.hostProcess === true);
  return on ? { message: 'runs a Windows HostProcess container', evidence: { hostProcess: true } } : undefined;
});
