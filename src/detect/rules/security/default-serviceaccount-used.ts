// Workloads running as their namespace's `default` ServiceAccount (none set, or set to "default").
// Info by itself (a shared identity, no least privilege); warning when RBAC grants that default
// account something and the pod mounts its token, since then every pod in the namespace has it.
import type { CheckMeta } from '../../check.js';
import type { Inventory, InventoryItem } from '../../../cmdb/inventory.js';
import { perTemplate } from '../../util/make.js';
import { deployment, obj, yamlDocs } from '../../util/examples.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- RBAC subjects read defensively */
const meta: CheckMeta = {
  id: 'default-serviceaccount-used',
  title: 'Workload runs as the default ServiceAccount',
  category: 'security',
  severity: 'info',
  aliases: ['popeye:300', 'popeye:308', 'kube-linter:default-service-account', 'k8sgpt:Security'],
  needs: [],
  docs: {
    why: 'Every pod without serviceAccountName runs as its namespace\'s `default` account: all of them share one identity, so RBAC cannot grant one workload something without granting it to all, and audit logs cannot tell them apart. Reported as a warning when a RoleBinding/ClusterRoleBinding grants the default account permissions and the pod mounts its token.',
    fix: 'Create a ServiceAccount per workload (with `automountServiceAccountToken: false` unless it calls the API) and set `serviceAccountName` on the pod template; bind roles to that account, not to `default`.',
  },
  examples: {
    fail: yamlDocs(deployment('web')),
    pass: yamlDocs(obj('v1', 'ServiceAccount', 'web', { automountServiceAccountToken: false }), deployment('web', { serviceAccountName: 'web' })),
  },
};

const bindingCache = new WeakMap<Inventory, Map<string, InventoryItem[]>>();

/** Role/ClusterRole bindings naming `default` in a namespace as a subject, by namespace. */
function defaultSaBindings(inv: Inventory, ns: string): InventoryItem[] {
  let m = bindingCache.get(inv);
  if (!m) {
    m = new Map();
    for (const b of [...inv.byKind('RoleBinding'), ...inv.byKind('ClusterRoleBinding')]) {
      for (const s of (b.obj.subjects ?? []) as any[]) {
        if (s?.kind !== 'ServiceAccount' || s.name !== 'default') continue;
        const sns = s.namespace ?? b.ci.namespace;
        if (!sns) continue;
        const l = m.get(sns) ?? [];
        if (!l.includes(b)) l.push(b);
        m.set(sns, l);
      }
    }
    bindingCache.set(inv, m);
  }
  return m.get(ns) ?? [];
}

export const check = perTemplate(meta, (tpl, ctx) => {
  const spec = tpl.spec ?? {};
  // Mirror (static) pods cannot use ServiceAccounts at all.
  if (tpl.owner.obj.metadata?.annotations?.['kubernetes.io/config.mirror']) return undefined;
  const name = spec.serviceAccountName || spec.serviceAccount || undefined;
  if (name && name !== 'default') return undefined;
  const ns = tpl.owner.ci.namespace;
  const sa = ctx.inv.find('ServiceAccount', ns, 'default');
  const mounted = spec.automountServiceAccountToken ?? sa?.obj.automountServiceAccountToken ?? true;
  const bindings = defaultSaBindings(ctx.inv, ns);
  const how = name ? 'serviceAccountName: default' : 'no serviceAccountName';
  const evidence = { serviceAccountName: name ?? null, automountServiceAccountToken: mounted, ...(bindings.length ? { bindings: bindings.map((b) => `${b.ci.kind} ${b.ci.namespace ? `${b.ci.namespace}/` : ''}${b.ci.name} → ${(b.obj.roleRef as any)?.kind ?? '?'} ${(b.obj.roleRef as any)?.name ?? '?'}`) } : {}) };
  if (bindings.length && mounted !== false) {
    return {
      severity: 'warning',
      message: `pods run as the shared ServiceAccount ${ns}/default (${how}) and mount its token; ${bindings.map((b) => b.ci.name).join(', ')} grant${bindings.length === 1 ? 's' : ''} that account permissions, so every pod in the namespace has them`,
      evidence,
      also: [sa, ...bindings],
    };
  }
  return { message: `pods run as the shared ServiceAccount ${ns}/default (${how})`, evidence, also: [sa] };
});
