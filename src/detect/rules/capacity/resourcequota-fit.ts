// K8S-QUOTA: Σ requests/limits × replicas of every workload in a namespace against the namespace
// ResourceQuota's hard limits. The admission plugin rejects the pods that do not fit
// (FailedCreate "exceeded quota"), so the last-scaled workload silently never runs.
import type { Check, CheckMeta } from '../../check.js';
import type { InventoryItem } from '../../../cmdb/inventory.js';
import type { Finding } from '../../../model/finding.js';
import { finding } from '../../util/finding.js';
import { deployment, goodContainer, obj, yamlDocs } from '../../util/examples.js';
import { formatResource, parseQuantity } from '../../util/quantity.js';
import { specTemplates } from '../../util/pods.js';
import { podAsk, podCount } from './pod-resources.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
const quota = (hard: Record<string, string>) => obj('v1', 'ResourceQuota', 'shop-quota', { spec: { hard } });
const sized = (name: string, mem: string, replicas: number) => deployment(name, {}, { replicas, containers: [goodContainer({ resources: { requests: { cpu: '100m', memory: mem }, limits: { cpu: '1', memory: mem } } })] });

const meta: CheckMeta = {
  id: 'resourcequota-fit',
  title: 'Workloads do not fit the namespace ResourceQuota',
  category: 'capacity',
  severity: 'critical',
  aliases: ['K8S-QUOTA', 'resourcequota-exceeded'],
  needs: ['kind:ResourceQuota'],
  docs: {
    why: 'The quota admission plugin rejects any pod that would push the namespace over a ResourceQuota hard limit. The controller only logs a FailedCreate event ("exceeded quota"), so a database or a scaled-up tier silently never starts. Pods that leave a quota-limited resource unset are rejected too.',
    fix: 'Raise the quota, or shrink requests/limits or replicas until the sum fits. Summed over all workloads (× replicas) in the namespace, LimitRange defaults included.',
  },
  examples: {
    fail: yamlDocs(quota({ 'limits.memory': '4Gi', 'requests.memory': '4Gi' }), sized('web', '1Gi', 2), sized('db', '3Gi', 1)),
    pass: yamlDocs(quota({ 'limits.memory': '8Gi', 'requests.memory': '8Gi', pods: '10' }), sized('web', '1Gi', 2), sized('db', '3Gi', 1)),
  },
};

const ALIAS: Record<string, string> = { cpu: 'requests.cpu', memory: 'requests.memory', 'ephemeral-storage': 'requests.ephemeral-storage' };

interface Contribution { item: InventoryItem; amount: number }

export const check: Check = {
  meta,
  run(ctx) {
    const out: Finding[] = [];
    const inv = ctx.inv;
    const tplsByNs = new Map<string, ReturnType<typeof specTemplates>>();
    for (const t of specTemplates(inv)) {
      if (t.isPod && (t.owner.obj.status?.phase === 'Succeeded' || t.owner.obj.status?.phase === 'Failed')) continue; // terminal pods do not count
      const l = tplsByNs.get(t.owner.ci.namespace) ?? [];
      l.push(t);
      tplsByNs.set(t.owner.ci.namespace, l);
    }
    const pvcsByNs = new Map<string, InventoryItem[]>();
    for (const p of inv.byKind('PersistentVolumeClaim')) {
      const l = pvcsByNs.get(p.ci.namespace);
      if (l) l.push(p);
      else pvcsByNs.set(p.ci.namespace, [p]);
    }
    for (const q of inv.byKind('ResourceQuota')) {
      if (q.obj.spec?.scopes?.length || q.obj.spec?.scopeSelector) {
        ctx.note?.(`ResourceQuota ${q.ci.namespace}/${q.ci.name} has scopes; scoped quotas are not evaluated`);
        continue;
      }
      const hard = q.obj.spec?.hard ?? {};
      const need = new Map<string, { total: number; by: Contribution[] }>();
      const add = (res: string, item: InventoryItem, amount: number) => {
        if (!amount) return;
        const e = need.get(res) ?? { total: 0, by: [] };
        e.total += amount;
        const c = e.by.find((x) => x.item === item);
        if (c) c.amount += amount;
        else e.by.push({ item, amount });
        need.set(res, e);
      };
      const unsetBy = new Map<string, InventoryItem[]>();
      for (const tpl of tplsByNs.get(q.ci.namespace) ?? []) {
        const n = podCount(tpl);
        if (n <= 0) continue;
        const ask = podAsk(inv, tpl);
        add('pods', tpl.owner, n);
        for (const [k, v] of Object.entries(ask.requests)) add(`requests.${k}`, tpl.owner, v * n);
        for (const [k, v] of Object.entries(ask.limits)) add(`limits.${k}`, tpl.owner, v * n);
        for (const kind of ['requests', 'limits'] as const) {
          for (const res of ask.unset[kind]) {
            const key = `${kind}.${res}`;
            if (hard[key] !== undefined || (kind === 'requests' && hard[res] !== undefined)) unsetBy.set(key, [...(unsetBy.get(key) ?? []), tpl.owner]);
          }
        }
        // Storage: claim templates count once per replica.
        for (const vct of (tpl.owner.obj.spec?.volumeClaimTemplates ?? []) as any[]) {
          add('persistentvolumeclaims', tpl.owner, n);
          add('requests.storage', tpl.owner, (parseQuantity(vct?.spec?.resources?.requests?.storage) ?? 0) * n);
        }
      }
      for (const pvc of pvcsByNs.get(q.ci.namespace) ?? []) {
        add('persistentvolumeclaims', pvc, 1);
        add('requests.storage', pvc, parseQuantity(pvc.obj.spec?.resources?.requests?.storage) ?? 0);
      }
      const exceeded: Record<string, { hard: string; needed: string }> = {};
      const culprits = new Set<InventoryItem>();
      for (const [key, raw] of Object.entries(hard)) {
        const h = parseQuantity(raw);
        const res = ALIAS[key] ?? key;
        const e = need.get(res);
        if (h === undefined || !e || e.total <= h + 1e-9) continue;
        exceeded[key] = { hard: String(raw), needed: formatResource(res, e.total) };
        const top = [...e.by].sort((a, b) => b.amount - a.amount)[0];
        if (top) culprits.add(top.item);
      }
      if (Object.keys(exceeded).length) {
        const parts = Object.entries(exceeded).map(([k, v]) => `${k} needs ${v.needed} > hard ${v.hard}`);
        const top = [...culprits];
        out.push(finding(meta, q, {
          message: `ResourceQuota ${q.ci.name} in ${q.ci.namespace} is too small for the workloads: ${parts.join(', ')}${top.length ? ` (largest: ${top.map((t) => `${t.ci.kind} ${t.ci.name}`).join(', ')})` : ''}`,
          evidence: { ...exceeded, contributions: Object.fromEntries([...need.entries()].filter(([k]) => exceeded[k] || Object.keys(exceeded).some((x) => ALIAS[x] === k)).map(([k, e]) => [k, e.by.map((c) => ({ ci: c.item.ci.id, amount: formatResource(k, c.amount) }))])) },
          also: top,
          patch: { type: 'kubectl', target: q.ci.id, content: `kubectl -n ${q.ci.namespace} patch resourcequota ${q.ci.name} --type merge -p '${JSON.stringify({ spec: { hard: Object.fromEntries(Object.entries(exceeded).map(([k, v]) => [k, v.needed])) } })}'` },
          fix: `Raise ${q.ci.name} ${Object.entries(exceeded).map(([k, v]) => `${k} to ≥ ${v.needed}`).join(' and ')}, or size ${top.map((t) => t.ci.name).join('/') || 'the workloads'} down.`,
        }));
      }
      for (const [key, owners] of unsetBy) {
        const uniq = [...new Set(owners)];
        out.push(finding(meta, q, {
          message: `ResourceQuota ${q.ci.name} limits ${key}, but ${uniq.map((o) => `${o.ci.kind} ${o.ci.name}`).join(', ')} leave${uniq.length === 1 ? 's' : ''} it unset and no LimitRange default fills it: those pods are rejected`,
          evidence: { resource: key, workloads: uniq.map((o) => o.ci.id) },
          also: uniq,
          fix: `Set resources.${key} on those containers or add a LimitRange with a default for it in ${q.ci.namespace}.`,
        }));
      }
    }
    return out;
  },
};
