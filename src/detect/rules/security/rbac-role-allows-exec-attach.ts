// rbac-role-allows-exec-attach: Role grants pods/exec or pods/attach.
import type { CheckMeta } from '../../check.js';
import { perObject } from '../../util/make.js';
import { obj, yamlDocs } from '../../util/examples.js';
import { rulesOf, SYSTEM_ROLE } from './rbac-rules.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
const grants = (rule: any, resource: string, verbs: string[]) =>
  (rule.resources ?? []).some((r: string) => r === '*' || r === resource) && (rule.verbs ?? []).some((v: string) => v === '*' || verbs.includes(v)) && ((rule.apiGroups ?? ['']).includes('') || (rule.apiGroups ?? []).includes('*'));

export const check = perObject({
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
