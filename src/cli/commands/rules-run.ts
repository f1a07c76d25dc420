// `hypercas rules list|explain` implementation (options in rules.ts).
import type { CommandContext } from '../context.js';
import type { Done } from '../main.js';
import { EXIT, UserError } from '../exit-codes.js';
import { allBuiltinChecks, findCheck } from '../../detect/registry.js';
import { SCORE_WEIGHTS } from '../../detect/engine.js';
import { renderData, renderTable } from '../../report/format.js';
import type { Check } from '../../detect/check.js';

async function catalogue(dirs: string[], err: (s: string) => void): Promise<Check[]> {
  const checks = [...allBuiltinChecks];
  if (dirs.length) {
    // User rules bring zod and the CEL interpreter: only when asked for.
    const { loadUserRules } = await import('../../detect/user-rules.js');
    const u = loadUserRules(dirs, new Set(checks.map((c) => c.meta.id)));
    for (const p of u.problems) err(`problem: ${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}\n`);
    checks.push(...u.checks);
  }
  return checks;
}

export async function rulesList(ctx: CommandContext, done: Done, opts: { rules: string[]; category?: string }): Promise<void> {
  let problems = 0;
  const checks = (await catalogue(opts.rules, (s) => (problems++, ctx.io.err(s)))).filter((c) => !opts.category || c.meta.category === opts.category);
  const g = ctx.globals();
  if (g.output !== 'table') {
    ctx.io.out(renderData(checks.map((c) => ({ id: c.meta.id, title: c.meta.title, category: c.meta.category, severity: c.meta.severity, needs: c.meta.needs, aliases: c.meta.aliases ?? [] })), g.output));
  } else {
    ctx.io.out(renderTable(checks, [
      { header: 'ID', get: (c) => c.meta.id },
      { header: 'SEVERITY', get: (c) => c.meta.severity },
      { header: 'CATEGORY', get: (c) => c.meta.category },
      { header: 'NEEDS', get: (c) => c.meta.needs.join(',') || '-' },
      { header: 'ALIASES', get: (c) => (c.meta.aliases ?? []).filter((a) => !a.includes(':')).join(',') || '-' },
      { header: 'TITLE', get: (c) => c.meta.title },
    ]));
    ctx.io.out(`${checks.length} checks\n`);
  }
  // Rules that could not be loaded were reported: the list is partial (as for scan).
  done(problems ? EXIT.PARTIAL : EXIT.OK);
}

export async function rulesExplain(ctx: CommandContext, done: Done, id: string, opts: { rules: string[] }): Promise<void> {
  const c = findCheck(await catalogue(opts.rules, ctx.io.err), id);
  if (!c) throw new UserError(`no check with id or alias ${id} (see hypercas rules list)`);
  const m = c.meta;
  const g = ctx.globals();
  if (g.output !== 'table') {
    ctx.io.out(renderData(m, g.output));
    return done(0);
  }
  const indent = (s: string) => s.trimEnd().split('\n').map((l) => `    ${l}`).join('\n');
  ctx.io.out([
    `${m.id} — ${m.title}`,
    `  severity: ${m.severity}   category: ${m.category}   needs: ${m.needs.join(', ') || 'nothing beyond the manifests'}`,
    ...(m.aliases?.length ? [`  aliases: ${m.aliases.join(', ')}`] : []),
    '',
    'Why it matters',
    `  ${m.docs.why}`,
    '',
    'How to fix',
    `  ${m.docs.fix}`,
    '',
    `Suppress: annotate the object or its namespace with hypercas.io/ignore: "${m.id}", or add an exemption in the scan config.`,
    `Score: each (check, object) with a finding costs ${SCORE_WEIGHTS.critical} (critical) / ${SCORE_WEIGHTS.warning} (warning) / ${SCORE_WEIGHTS.info} (info) of its namespace's 100.`,
    ...(m.examples.fail ? ['', 'Fails on:', indent(m.examples.fail)] : []),
    ...(m.examples.pass ? ['', 'Passes on:', indent(m.examples.pass)] : []),
    '',
  ].join('\n'));
  done(0);
}
