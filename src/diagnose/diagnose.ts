// Guided diagnosis: walk a playbook over an inventory (with application CIs). Each step runs its
// checks through the detection engine (reference rule ids resolve to check ids), or looks at its
// signals; the first step that finds a cause and says `stop` ends the walk. The result is the
// chain of evidence, step by step, ending in the concrete fix.
import type { Inventory } from '../cmdb/inventory.js';
import type { Check } from '../detect/check.js';
import type { Finding, Patch } from '../model/finding.js';
import { SEVERITY_RANK } from '../model/finding.js';
import { runChecks } from '../detect/engine.js';
import { findChecks } from '../detect/registry.js';
import { applicationsOf, serviceNameOf } from '../collect/middleware/discover.js';
import { loadConfigSpace, validateConfigSpace, type ConfigSpace } from '../knowledge/configspace.js';
import { builtinKnowledgeBase, type KnowledgeBase } from '../knowledge/kb.js';
import type { Playbook } from './playbook.js';
import * as sig from './signals.js';

export interface StepCheck {
  ref: string;
  id?: string;
  status: 'failed' | 'passed' | 'skipped' | 'unknown' | 'error';
  reason?: string;
}

export interface DiagnosisStep {
  id: string;
  title: string;
  status: 'fail' | 'pass' | 'info' | 'skipped';
  checks: StepCheck[];
  findings: Finding[];
  evidence: string[];
  fixes: string[];
}

export interface Diagnosis {
  playbook: string;
  symptom: string;
  target?: string;
  scope: string;
  steps: DiagnosisStep[];
  conclusion: {
    found: boolean;
    step?: string;
    cause: string;
    fix: string;
    patch?: Patch;
    rule?: string;
    cis?: string[];
  };
}

export interface DiagnoseOptions {
  target?: string;
  checks: Check[];
  kb?: KnowledgeBase;
  space?: ConfigSpace;
  logs?: string[];
  prometheus?: string;
  /** Metric signals fetched beforehand (see metrics.ts: the walk itself is synchronous). */
  metrics?: sig.SignalResult;
}

/** Which namespace a target (`Service/api`, `Ingress/shop/web`, `http://host/path`) points into. */
export function resolveTarget(inv: Inventory, target: string | undefined): { scope: sig.Scope; label: string; namespace?: string } {
  const all: sig.Scope = () => true;
  if (!target) return { scope: all, label: 'everything in the input' };
  const ns = (n: string) => ({ namespace: n, scope: ((id: string) => { const x = sig.nsOf(id); return x === n || x === ''; }) as sig.Scope, label: `namespace ${n}` });
  const url = /^[a-z]+:\/\/([^/:]+)/i.exec(target);
  if (url) {
    const host = url[1];
    for (const ing of inv.byKind('Ingress')) if ((ing.obj.spec?.rules ?? []).some((r: { host?: string }) => r.host === host)) return { ...ns(ing.ci.namespace), label: `Ingress ${ing.ci.namespace}/${ing.ci.name} (host ${host})` };
    for (const s of inv.byKind('Service')) {
      const ips = [s.obj.spec?.loadBalancerIP, ...(s.obj.status?.loadBalancer?.ingress ?? []).map((i: { ip?: string; hostname?: string }) => i.ip ?? i.hostname)];
      if (ips.includes(host)) return { ...ns(s.ci.namespace), label: `Service ${s.ci.namespace}/${s.ci.name} (${host})` };
    }
    for (const a of applicationsOf(inv).apps) {
      for (const f of a.files) if (f.parsed.format === 'nginx.conf' && f.text.includes(`server_name`) && new RegExp(`server_name[^;]*\\b${host.replace(/\./g, '\\.')}\\b`).test(f.text)) return { ...ns(a.namespace), label: `nginx ${a.namespace}/${a.name} (server_name ${host})` };
    }
    const sn = serviceNameOf(host, 'default', inv.coverage.namespaces);
    if (sn && inv.find('Service', sn.namespace, sn.name)) return { ...ns(sn.namespace), label: `Service ${sn.namespace}/${sn.name}` };
    return { scope: all, label: `everything in the input (no Ingress/Service found for ${host})` };
  }
  const parts = target.split('/');
  if (parts.length < 2) return { scope: all, label: `everything in the input (target ${target} is not Kind/name or a URL)` };
  const [kind, a, b] = parts;
  const name = b ?? a;
  const want = b ? a : undefined;
  const hit = inv.items.find((it) => it.ci.kind.toLowerCase() === kind.toLowerCase() && it.ci.name === name && (!want || it.ci.namespace === want));
  if (!hit) return { scope: all, label: `everything in the input (${target} not found)` };
  return { ...ns(hit.ci.namespace), label: `${hit.ci.kind} ${hit.ci.namespace}/${hit.ci.name}` };
}

const byRank = (a: Finding, b: Finding) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity];

export function diagnose(inv: Inventory, pb: Playbook, opts: DiagnoseOptions): Diagnosis {
  const kb = opts.kb ?? builtinKnowledgeBase();
  const { scope, label } = resolveTarget(inv, opts.target);
  const steps: DiagnosisStep[] = [];
  let conclusion: Diagnosis['conclusion'] | undefined;
  const inScope = (f: Finding) => f.cis.some(scope);

  for (const s of pb.steps) {
    const step: DiagnosisStep = { id: s.id, title: s.title, status: 'pass', checks: [], findings: [], evidence: [], fixes: [] };
    if (s.checks.length) {
      const resolved: Check[] = [];
      // Check id → the first playbook reference naming it (an alias may name several checks).
      const refOf = new Map<string, string>();
      for (const ref of s.checks) {
        const cs = findChecks(opts.checks, ref);
        if (!cs.length) step.checks.push({ ref, status: 'unknown', reason: 'no such check in this build' });
        for (const c of cs) {
          if (!resolved.includes(c)) resolved.push(c);
          if (!refOf.has(c.meta.id)) refOf.set(c.meta.id, ref);
        }
      }
      const res = runChecks(inv, resolved);
      for (const o of res.outcomes) {
        const ref = refOf.get(o.id) ?? o.id;
        if (o.status === 'skipped') step.checks.push({ ref, id: o.id, status: 'skipped', reason: o.reason });
        else if (o.status === 'error') step.checks.push({ ref, id: o.id, status: 'error', reason: o.error });
        else {
          const mine = o.findings.filter(inScope);
          step.checks.push({ ref, id: o.id, status: mine.length ? 'failed' : 'passed' });
          step.findings.push(...mine);
        }
      }
      step.findings.sort(byRank);
      const ran = step.checks.filter((c) => c.status === 'passed' || c.status === 'failed').length;
      step.evidence.push(`${ran} check(s) ran: ${step.checks.filter((c) => c.status === 'failed').map((c) => c.ref).join(', ') || 'none failed'}${step.checks.some((c) => c.status === 'skipped') ? `; skipped: ${step.checks.filter((c) => c.status === 'skipped').map((c) => `${c.ref} (${c.reason})`).join(', ')}` : ''}`);
      for (const f of step.findings) step.evidence.push(`${f.aliases?.find((a) => /^[A-Z0-9]+-/.test(a)) ?? f.checkId}: ${f.message}`);
      for (const f of step.findings) step.fixes.push(f.fix);
      step.status = step.findings.length ? 'fail' : ran ? 'pass' : 'skipped';
    }
    const sigStatus: string[] = [];
    for (const name of s.signals) {
      const r = signal(name, inv, scope, kb, opts);
      step.evidence.push(...r.evidence.map((e) => `[${name}] ${e}`));
      step.fixes.push(...r.fixes);
      sigStatus.push(r.status);
    }
    if (s.signals.length) {
      const all = [...(s.checks.length ? [step.status] : []), ...sigStatus];
      step.status = all.includes('fail') ? 'fail' : all.includes('info') ? 'info' : all.includes('pass') ? 'pass' : 'skipped';
    }
    steps.push(step);
    if (step.status === 'fail' && !conclusion) {
      const f = step.findings[0];
      conclusion = f
        ? { found: true, step: s.id, cause: f.message, fix: f.fix, patch: f.patch, rule: f.aliases?.find((a) => /^[A-Z0-9]+-/.test(a)) ?? f.checkId, cis: f.cis }
        : { found: true, step: s.id, cause: step.evidence.find((e) => !e.startsWith('[') || /fail|exceed|no |not /i.test(e)) ?? step.evidence[0] ?? s.title, fix: step.fixes[0] ?? 'see the evidence above' };
      if (s.stop) break;
    }
  }
  return {
    playbook: pb.id,
    symptom: pb.symptom,
    target: opts.target,
    scope: label,
    steps,
    conclusion: conclusion ?? { found: false, cause: 'no configuration or environment cause found in the input', fix: 'collect live state (pods, events) and logs of the failing tier, then run the playbook again' },
  };
}

function signal(name: string, inv: Inventory, scope: sig.Scope, kb: KnowledgeBase, opts: DiagnoseOptions): sig.SignalResult {
  switch (name) {
    case 'config-space': {
      const space = opts.space ?? loadConfigSpace();
      const v = validateConfigSpace(inv, space).filter((x) => x.apps.some(scope));
      return { status: v.length ? 'fail' : 'pass', evidence: v.length ? v.map((x) => `${x.constraint}: ${x.message}`) : ['every discovered application satisfies the ConfigSpace'], fixes: v.map((x) => x.fix ?? x.message) };
    }
    case 'pod-state':
      return sig.podState(inv, scope, kb);
    case 'events':
      return sig.events(inv, scope, kb);
    case 'logs':
      return sig.logs(opts.logs ?? [], kb);
    case 'metrics':
      return opts.metrics ?? sig.metrics(opts.prometheus);
    case 'dns':
      return sig.dns(inv);
    case 'calico':
      return sig.calico(inv);
    case 'metallb':
      return sig.metallb(inv, scope);
    default:
      return { status: 'skipped', evidence: [`unknown signal ${name}`], fixes: [] };
  }
}
