// rbac-wildcard-rules: Role uses * in verbs or resources.
import type { CheckMeta } from '../../check.js';
import { perObject } from '../../util/make.js';
import { obj, yamlDocs } from '../../util/examples.js';
import { rulesOf, SYSTEM_ROLE } from './rbac-rules.js';

export const check = perObject({
  id: 'rbac-wildcard-rules', title: 'Role uses * in verbs or resources', category: 'security', severity: 'warning',
  aliases: ['kube-linter:wildcard-in-rules', 'k8sgpt:Security'], needs: [],
  docs: { why: 'A wildcard grants everything, including resources and verbs added in future versions (and secrets).', fix: 'List the resources and verbs the subject actually needs.' },
  examples: { fail: yamlDocs(obj('rbac.authorization.k8s.io/v1', 'ClusterRole', 'app-admin', { rules: [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }] }, null)), pass: yamlDocs(obj('rbac.authorization.k8s.io/v1', 'ClusterRole', 'app-reader', { rules: [{ apiGroups: [''], resources: ['configmaps'], verbs: ['get'] }] }, null)) },
} satisfies CheckMeta, ['Role', 'ClusterRole'], (r) => {
  if (SYSTEM_ROLE.test(r.ci.name)) return undefined;
  const wild = rulesOf(r.obj).filter((rule) => (rule.verbs ?? []).includes('*') || (rule.resources ?? []).includes('*'));
  return wild.length ? { message: `${r.ci.kind} ${r.ci.name} has ${wild.length} rule(s) with * verbs/resources`, evidence: { rules: wild } } : undefined;
});
