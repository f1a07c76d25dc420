import type { Check, CheckMeta } from '../../check.js';
import type { Finding } from '../../../model/finding.js';
import { finding } from '../../util/finding.js';
import { deployment, service, yamlDocs } from '../../util/examples.js';
import { selectorText } from '../../util/labels.js';
import { namespacesWithPods, templatesByOwner } from '../../util/refs.js';
import type { Inventory } from '../../../cmdb/inventory.js';

const meta: CheckMeta = {
  id: 'service-selector-no-match',
  title: 'Service selector matches no pod',
  category: 'relations',
  severity: 'critical',
  aliases: ['K8S-SELECTOR', 'kube-score:service-targets-pod', 'popeye:1100', 'kube-linter:dangling-service'],
  needs: ['kind:Pod'],
  docs: {
    why: 'A Service whose selector matches no pod (template) has no endpoints: clients get connection refused, ingress controllers return 502/503.',
    fix: 'Make the Service selector equal to labels the pod template carries (or fix the template labels).',
  },
  examples: {
    fail: yamlDocs(deployment('api'), service('api', { app: 'api-server' })),
    pass: yamlDocs(deployment('api'), service('api', { app: 'api' }), service('external', {}, [{ port: 443 }], 'shop', { selector: undefined, type: 'ExternalName', externalName: 'example.com' })),
  },
};

export const check: Check = {
  meta,
  run(ctx) {
    const out: Finding[] = [];
    const withPods = namespacesWithPods(ctx.inv);
    const skippedNs = new Set<string>();
    for (const svc of ctx.inv.byKind('Service')) {
      const sel = svc.obj.spec?.selector as Record<string, string> | undefined;
      if (!sel || !Object.keys(sel).length || svc.obj.spec?.type === 'ExternalName') continue;
      const ns = svc.ci.namespace;
      if (!withPods.has(ns)) {
        // Partial input (kube-score#377): a namespace without any workload in the input says nothing.
        skippedNs.add(ns);
        continue;
      }
      if (ctx.inv.selectPods(ns, sel).length) continue;
      // Near misses: templates that share a selector key with a different value, or carry all values under other keys.
      // Near misses: templates sharing a selector key, closest values first (api-server → api).
      const want = Object.values(sel).join(',');
      const have = (t: { labels: Record<string, string> }) => Object.keys(sel).map((k) => t.labels[k] ?? '').join(',');
      const near = ctx.inv.podTemplates
        .filter((t) => t.owner.ci.namespace === ns && !(t.isPod && t.owner.obj.metadata?.ownerReferences?.length) && Object.keys(sel).some((k) => k in t.labels))
        .map((t) => ({ t, d: similarity(want, have(t)) }))
        .sort((a, b) => a.d - b.d)
        .slice(0, 3)
        .filter((x, _i, all) => x.d === all[0].d)
        .map((x) => x.t);
      const hint = near.slice(0, 3).map((t) => `${t.owner.ci.kind} ${t.owner.ci.name} has ${Object.keys(sel).filter((k) => k in t.labels).map((k) => `${k}=${t.labels[k]}`).join(',')}`);
      // Operators create pods from custom resources that carry no pod template (Prometheus, Kafka, Postgres
      // operators...). In file mode such pods are invisible: say so and lower the severity.
      const operated = ctx.inv.coverage.live ? [] : crsWithoutTemplates(ctx.inv, ns);
      out.push(finding(meta, svc, {
        ...(operated.length && !near.length ? { severity: 'warning' as const } : {}),
        message: `Service ${svc.ci.name} selects ${selectorText(sel)}, which no pod template in ${ns} carries${hint.length ? ` (${hint.join('; ')})` : ''}${operated.length && !near.length ? `; its pods may be created by an operator from ${operated.slice(0, 3).join(', ')}` : ''}`,
        evidence: { selector: sel, candidates: near.slice(0, 5).map((t) => ({ owner: t.owner.ci.id, labels: t.labels })) },
        also: near.slice(0, 3).map((t) => t.owner),
        patch: near.length >= 1 && Object.keys(sel).every((k) => near[0].labels[k] !== undefined)
          ? { type: 'kubectl', target: svc.ci.id, content: `kubectl -n ${ns} patch service ${svc.ci.name} --type merge -p '${JSON.stringify({ spec: { selector: Object.fromEntries(Object.keys(sel).map((k) => [k, near[0].labels[k]])) } })}'` }
          : undefined,
        fix: near.length >= 1 ? `Set the Service selector to match ${near[0].owner.ci.kind} ${near[0].owner.ci.name} (e.g. ${Object.keys(sel).map((k) => `${k}: ${near[0].labels[k] ?? '?'}`).join(', ')}) or change the pod labels.` : meta.docs.fix,
      }));
    }
    for (const ns of skippedNs) ctx.note?.(`incomplete input: namespace ${ns} has Services but no workloads in the input; its selectors were not checked`);
    return out;
  },
};

/** Lower is closer: one value containing the other (api-server / api) beats any edit distance. */
function similarity(want: string, have: string): number {
  if (!have) return Infinity;
  return want.includes(have) || have.includes(want) ? 0 : distance(want, have);
}

/** Levenshtein distance, for ranking near-miss labels. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}

/** Custom resources in a namespace that carry no pod template (their pods come from an operator). */
function crsWithoutTemplates(inv: Inventory, ns: string): string[] {
  const byOwner = templatesByOwner(inv);
  return inv.items.filter((i) => i.ci.namespace === ns && i.ci.kind.includes('.') && !byOwner.has(i.ci.id)).map((i) => `${i.ci.kind} ${i.ci.name}`);
}
