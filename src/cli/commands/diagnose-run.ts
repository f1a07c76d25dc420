// `hypercas diagnose` implementation (options in diagnose.ts).
import type { CommandContext } from '../context.js';
import type { Done } from '../main.js';
import { EXIT, UserError } from '../exit-codes.js';
import { renderData } from '../../report/format.js';
import { loadStack } from '../../collect/middleware/load.js';
import { allBuiltinChecks } from '../../detect/registry.js';
import { linkageChecks } from '../../detect/rules/linkage/index.js';
import { collectClusters } from '../../collect/collect.js';
import { withApplications } from '../../collect/middleware/discover.js';
import type { Inventory } from '../../cmdb/inventory.js';
import type { Check } from '../../detect/check.js';
import { loadPlaybooks } from '../../diagnose/playbook.js';
import { diagnose as runPlaybook, resolveTarget, type Diagnosis } from '../../diagnose/diagnose.js';
import { metricSignals } from '../../diagnose/metrics.js';
import { loadKnowledgeBase } from '../../knowledge/kb.js';
import { loadConfigSpace } from '../../knowledge/configspace.js';
import { problemText } from '../../knowledge/yaml-load.js';

/** Every check once (the registry may or may not list the linkage pack yet). */
export function allChecks(): Check[] {
  const seen = new Set<string>();
  return [...allBuiltinChecks, ...linkageChecks].filter((c) => !seen.has(c.meta.id) && seen.add(c.meta.id));
}

const MARK: Record<string, string> = { fail: '✗', pass: '✓', info: '•', skipped: '-' };

export function renderDiagnosis(d: Diagnosis): string {
  const out: string[] = [`Diagnosis: ${d.symptom}  [playbook ${d.playbook}, scope: ${d.scope}]`, ''];
  d.steps.forEach((s, i) => {
    out.push(`${i + 1}. ${MARK[s.status]} ${s.title}  (${s.status})`);
    for (const e of s.evidence) out.push(`     ${e}`);
    out.push('');
  });
  const c = d.conclusion;
  out.push(c.found ? `Root cause${c.rule ? ` [${c.rule}]` : ''}: ${c.cause}` : `No cause found: ${c.cause}`);
  out.push(`Fix: ${c.fix}`);
  if (c.patch) out.push('', c.patch.type === 'diff' ? c.patch.content.trimEnd() : `${c.patch.type}: ${c.patch.content}`);
  return out.join('\n') + '\n';
}

export interface DiagnoseOpts { file: string[]; target?: string; logs: string[]; kb: string[]; playbooks: string[]; configSpace: string[]; prometheus?: string; context?: string; kubeconfig?: string; inCluster?: boolean }

export async function diagnose(ctx: CommandContext, done: Done, symptom: string | undefined, opts: DiagnoseOpts): Promise<void> {
  const warn = (s: string) => !ctx.globals().quiet && ctx.io.err(`hypercas: ${s}\n`);
  const pbs = loadPlaybooks(opts.playbooks);
  pbs.problems.forEach((p) => warn(problemText(p)));
  if (!symptom) {
    ctx.io.out([...pbs.playbooks.values()].map((p) => `${p.id.padEnd(24)} ${p.symptom}`).join('\n') + '\n');
    return done(EXIT.OK);
  }
  const pb = pbs.playbooks.get(symptom);
  if (!pb) throw new UserError(`unknown symptom "${symptom}" (playbooks: ${[...pbs.playbooks.keys()].join(', ')})`);
  let inv: Inventory;
  let inputProblems = 0;
  if (opts.file.length) {
    const stack = loadStack(opts.file);
    stack.problems.forEach(warn);
    inputProblems = stack.problems.length;
    inv = stack.inv;
  } else {
    // Live: the cluster's ConfigMaps carry the product configs; discovery runs on them.
    let live;
    try {
      live = await collectClusters({ kubeconfig: opts.kubeconfig, contexts: opts.context ? [opts.context] : undefined, inCluster: opts.inCluster });
    } catch (e) {
      // A missing or bad kubeconfig is a usage error (2): main() maps KubeAccessError by its reason.
      if (e instanceof Error && e.name === 'KubeAccessError') throw e;
      throw new UserError((e as Error).message, EXIT.UNREACHABLE);
    }
    const c = live[0];
    if (!c || 'error' in c) throw new UserError(`${c?.cluster ?? 'cluster'}: ${c && 'error' in c ? c.error.message : 'no cluster'}`, EXIT.UNREACHABLE);
    c.warnings.forEach(warn);
    inv = withApplications(c.inventory);
  }
  const kb = loadKnowledgeBase(opts.kb);
  kb.problems.forEach((p) => warn(problemText(p)));
  const space = loadConfigSpace(opts.configSpace);
  space.problems.forEach((p) => warn(problemText(p)));
  const metrics = opts.prometheus ? await metricSignals(opts.prometheus, resolveTarget(inv, opts.target).namespace ?? '') : undefined;
  const d = runPlaybook(inv, pb, { target: opts.target, checks: allChecks(), kb, space, logs: opts.logs, prometheus: opts.prometheus, metrics });
  const fmt = ctx.globals().output;
  ctx.io.out(fmt === 'table' ? renderDiagnosis(d) : renderData(d, fmt));
  done(inputProblems || kb.problems.length || space.problems.length ? EXIT.PARTIAL : EXIT.OK);
}
