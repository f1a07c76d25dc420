// What a diagnosis looks at once the configuration checks pass: pod state and events, logs (KB
// matches), metrics, and the cluster network services (CoreDNS, Calico IPPool, MetalLB pool).
// Each signal reads the inventory (and log files) and says what it saw, with a fix when it can.
import { readFileSync } from 'node:fs';
import type { Inventory, InventoryItem } from '../cmdb/inventory.js';
import type { KnowledgeBase } from '../knowledge/kb.js';
import { parseCiId } from '../model/ci.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- Kubernetes objects are read defensively */

export interface SignalResult {
  status: 'fail' | 'pass' | 'info' | 'skipped';
  evidence: string[];
  fixes: string[];
  /** Knowledge-base entries seen (for "confirm with these checks"). */
  kb?: Array<{ entryId: string; code: string; count: number; title: string; checks: string[] }>;
}

export type Scope = (ciId: string) => boolean;

const inScope = (scope: Scope, it: InventoryItem) => scope(it.ci.id);

export function podState(inv: Inventory, scope: Scope, kb: KnowledgeBase): SignalResult {
  const pods = inv.byKind('Pod').filter((p) => inScope(scope, p));
  if (!inv.coverage.live && !pods.length) return { status: 'skipped', evidence: ['no pod status in the input (manifest files only): run against a cluster or add `kubectl get pods -o yaml` output'], fixes: [] };
  const evidence: string[] = [];
  const fixes: string[] = [];
  const seen = new Map<string, number>();
  for (const p of pods) {
    for (const cs of [...(p.obj.status?.containerStatuses ?? []), ...(p.obj.status?.initContainerStatuses ?? [])]) {
      const waiting = cs.state?.waiting?.reason;
      const last = cs.lastState?.terminated?.reason;
      const bits = [waiting, last && `last terminated: ${last}${cs.lastState?.terminated?.exitCode !== undefined ? ` (exit ${cs.lastState.terminated.exitCode})` : ''}`, cs.ready === false ? 'not ready' : undefined, cs.restartCount ? `${cs.restartCount} restarts` : undefined].filter(Boolean);
      if (!bits.length) continue;
      evidence.push(`Pod ${p.ci.namespace}/${p.ci.name} container ${cs.name}: ${bits.join(', ')}`);
      for (const r of [waiting, last]) if (r) seen.set(r, (seen.get(r) ?? 0) + 1);
    }
    const phase = p.obj.status?.phase;
    if (phase === 'Pending') evidence.push(`Pod ${p.ci.namespace}/${p.ci.name} is Pending`);
  }
  const kbHits = kbFor(kb, [...seen.entries()].map(([r, n]) => ({ text: r, n })));
  for (const h of kbHits) fixes.push(`${h.code}: confirm with ${h.checks.join(', ') || 'the pod logs'}`);
  return { status: evidence.length ? 'fail' : 'pass', evidence: evidence.length ? evidence.slice(0, 20) : [`${pods.length} pod(s) running and ready`], fixes, kb: kbHits };
}

export function events(inv: Inventory, scope: Scope, kb: KnowledgeBase): SignalResult {
  const evs = [...inv.byKind('Event'), ...inv.byKind('Event.events.k8s.io')].filter((e) => {
    const inv2 = e.obj as any;
    const ns = inv2.involvedObject?.namespace ?? inv2.regarding?.namespace ?? e.ci.namespace;
    return scope(`x/Event/${ns || '_'}/${e.ci.name}`);
  });
  if (!evs.length) return { status: inv.coverage.live ? 'pass' : 'skipped', evidence: [inv.coverage.live ? 'no Warning events' : 'no Events in the input (manifest files only)'], fixes: [] };
  const warn = evs.filter((e) => (e.obj as any).type === 'Warning');
  const lines = warn.map((e) => {
    const o = e.obj as any;
    const io = o.involvedObject ?? o.regarding ?? {};
    return { text: `${o.reason ?? ''} ${o.message ?? o.note ?? ''}`, show: `${io.kind ?? '?'} ${io.name ?? '?'}: ${o.reason}: ${o.message ?? o.note ?? ''}`.slice(0, 240), n: Number(o.count ?? 1) };
  });
  const kbHits = kbFor(kb, lines);
  return {
    status: warn.length ? 'fail' : 'pass',
    evidence: warn.length ? lines.slice(0, 15).map((l) => l.show) : ['no Warning events'],
    fixes: kbHits.map((h) => `${h.code} (${h.title}): confirm with ${h.checks.join(', ') || 'the event message'}`),
    kb: kbHits,
  };
}

export function logs(files: string[], kb: KnowledgeBase): SignalResult {
  if (!files.length) return { status: 'skipped', evidence: ['no logs given (--logs FILE)'], fixes: [] };
  const lines: Array<{ text: string; n: number }> = [];
  const evidence: string[] = [];
  for (const f of files) {
    let text: string;
    try {
      text = readFileSync(f, 'utf8');
    } catch (e) {
      evidence.push(`${f}: cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
      continue;
    }
    for (const l of text.split('\n')) if (l.trim()) lines.push({ text: l, n: 1 });
  }
  const hits = kbFor(kb, lines);
  for (const h of hits.slice(0, 8)) evidence.push(`${h.count}× ${h.code} — ${h.title}`);
  return {
    status: hits.length ? 'fail' : 'pass',
    evidence: hits.length ? evidence : [...evidence, `${lines.length} log lines, no known error code or message`],
    fixes: hits.slice(0, 5).map((h) => `${h.code}: likely causes confirmed by ${h.checks.join(', ') || '(no check: see `hypercas kb show ' + h.entryId + '`)'}`),
    kb: hits,
  };
}

function kbFor(kb: KnowledgeBase, lines: Array<{ text: string; n: number }>): NonNullable<SignalResult['kb']> {
  const agg = new Map<string, { entryId: string; code: string; count: number; title: string; checks: string[] }>();
  for (const l of lines) {
    for (const m of kb.matchLine(l.text)) {
      const e = kb.byId.get(m.entryId);
      if (!e) continue;
      const a = agg.get(m.entryId) ?? { entryId: m.entryId, code: m.code, count: 0, title: e.title, checks: [...new Set(e.causes.flatMap((c) => c.checks))] };
      a.count += l.n;
      agg.set(m.entryId, a);
    }
  }
  return [...agg.values()].sort((a, b) => b.count - a.count);
}

export function metrics(prometheus: string | undefined): SignalResult {
  if (!prometheus) return { status: 'skipped', evidence: ['no Prometheus configured (--prometheus URL)'], fixes: [] };
  return { status: 'skipped', evidence: [`Prometheus ${prometheus}: not queried`], fixes: [] };
}

export function dns(inv: Inventory): SignalResult {
  const cm = inv.byKind('ConfigMap').find((c) => c.ci.name === 'coredns' && typeof (c.obj as any).data?.Corefile === 'string');
  const deploy = inv.find('Deployment', 'kube-system', 'coredns');
  if (!cm && !deploy) return { status: 'skipped', evidence: ['no CoreDNS configuration in the input (add the coredns ConfigMap from kube-system)'], fixes: [] };
  const evidence: string[] = [];
  const fixes: string[] = [];
  if (cm) {
    const corefile: string = (cm.obj as any).data.Corefile;
    const k8s = /^\s*kubernetes\s+([^\s{]+)/m.exec(corefile);
    if (!k8s) {
      evidence.push('Corefile has no `kubernetes` plugin: Service names do not resolve');
      fixes.push('add `kubernetes cluster.local in-addr.arpa ip6.arpa { pods insecure; fallthrough in-addr.arpa ip6.arpa }` to the Corefile server block');
    } else evidence.push(`Corefile serves zone ${k8s[1]} (kubernetes plugin)`);
    if (!/^\s*forward\s+\./m.test(corefile)) {
      evidence.push('Corefile has no `forward .`: names outside the cluster do not resolve');
      fixes.push('add `forward . /etc/resolv.conf` to the Corefile');
    }
    if (/^\s*loop\s*$/m.test(corefile)) evidence.push('loop detection on');
  }
  if (deploy && deploy.obj.spec?.replicas === 0) {
    evidence.push('Deployment kube-system/coredns has 0 replicas');
    fixes.push('kubectl -n kube-system scale deployment coredns --replicas=2');
  }
  return { status: fixes.length ? 'fail' : 'pass', evidence, fixes };
}

function ipCount(range: string): number {
  const cidr = /^[\d.]+\/(\d+)$/.exec(range.trim());
  if (cidr) return 2 ** (32 - Number(cidr[1]));
  const r = /^([\d.]+)\s*-\s*([\d.]+)$/.exec(range.trim());
  if (r) {
    const n = (ip: string) => ip.split('.').reduce((s, x) => s * 256 + Number(x), 0);
    return n(r[2]) - n(r[1]) + 1;
  }
  return 0;
}

export function calico(inv: Inventory): SignalResult {
  const pools = inv.byKind('IPPool.crd.projectcalico.org').concat(inv.byKind('IPPool.projectcalico.org'));
  if (!pools.length) return { status: 'skipped', evidence: ['no Calico IPPool in the input'], fixes: [] };
  const pods = inv.coverage.live ? inv.byKind('Pod').length : inv.podTemplates.filter((t) => !t.isPod).reduce((s, t) => s + (t.replicas ?? 1), 0);
  const nodes = inv.byKind('Node').length;
  const evidence: string[] = [];
  const fixes: string[] = [];
  let capacity = 0;
  let blocks = 0;
  for (const p of pools) {
    const cidr: string = p.obj.spec?.cidr ?? '';
    if (p.obj.spec?.disabled) continue;
    const prefix = Number(cidr.split('/')[1]);
    const bs = Number(p.obj.spec?.blockSize ?? 26);
    const c = ipCount(cidr);
    capacity += c;
    blocks += Number.isFinite(prefix) ? 2 ** Math.max(0, bs - prefix) : 0;
    evidence.push(`IPPool ${p.ci.name}: ${cidr}, blockSize ${bs} → ${c} addresses in ${2 ** Math.max(0, bs - prefix)} blocks of ${2 ** (32 - bs)}`);
  }
  evidence.push(`pods in the input: ${pods}${nodes ? `, nodes: ${nodes}` : ''}`);
  if (pods > capacity * 0.9) fixes.push(`pods (${pods}) near or above the IP pool capacity (${capacity}): use a larger cidr (e.g. one prefix bit shorter) for new pools`);
  if (nodes && nodes > blocks) fixes.push(`more nodes (${nodes}) than address blocks (${blocks}): lower blockSize (e.g. 28) or widen the cidr`);
  return { status: fixes.length ? 'fail' : 'pass', evidence, fixes };
}

export function metallb(inv: Inventory, scope: Scope): SignalResult {
  const pools = inv.byKind('IPAddressPool.metallb.io');
  if (!pools.length) return { status: 'skipped', evidence: ['no MetalLB IPAddressPool in the input'], fixes: [] };
  const lbs = inv.byKind('Service').filter((s) => s.obj.spec?.type === 'LoadBalancer');
  const evidence: string[] = [];
  const fixes: string[] = [];
  for (const p of pools) {
    const size = (p.obj.spec?.addresses ?? []).reduce((s: number, a: string) => s + ipCount(a), 0);
    const users = lbs.filter((s) => {
      const ann = s.obj.metadata?.annotations ?? {};
      const want = ann['metallb.universe.tf/address-pool'] ?? ann['metallb.io/address-pool'];
      return want ? want === p.ci.name : p.obj.spec?.autoAssign !== false;
    });
    evidence.push(`IPAddressPool ${p.ci.name}: ${size} address(es), ${users.length} LoadBalancer Service(s) in the input: ${users.map((u) => `${u.ci.namespace}/${u.ci.name}`).join(', ') || 'none'}`);
    if (users.length > size) fixes.push(`IPAddressPool ${p.ci.name} has ${size} addresses for ${users.length} LoadBalancer Services: ${users.length - size} stay <pending> (AllocationFailed); add addresses to spec.addresses (K8S-METALLB-POOL)`);
    else if (users.length === size && users.some((u) => scope(u.ci.id))) evidence.push(`pool ${p.ci.name} is fully used: the next LoadBalancer Service will stay <pending>`);
    // Input from one stack only sees its own Services; say so rather than claim room.
    if (!inv.coverage.live) evidence.push('(files only: LoadBalancer Services of other namespaces/clusters are not counted)');
  }
  return { status: fixes.length ? 'fail' : 'pass', evidence, fixes };
}

/** A CI id's namespace ('' for cluster-scoped). */
export function nsOf(id: string): string | undefined {
  return parseCiId(id)?.namespace;
}
