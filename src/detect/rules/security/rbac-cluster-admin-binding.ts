// rbac-cluster-admin-binding: Binding to cluster-admin.
import type { Check } from '../../check.js';
import type { Finding } from '../../../model/finding.js';
import { finding } from '../../util/finding.js';
import { obj, yamlDocs } from '../../util/examples.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
export const check: Check = {
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
