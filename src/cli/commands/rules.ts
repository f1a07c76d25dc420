// `hypercas rules list` and `hypercas rules explain ID`: the check catalogue and one check's docs.
import type { Register } from '../main.js';
import { UserError } from '../exit-codes.js';
import { repeatable } from '../util.js';
import { allBuiltinChecks, findCheck } from '../../detect/registry.js';
import { loadUserRules } from '../../detect/user-rules.js';
import { SCORE_WEIGHTS } from '../../detect/engine.js';
import { renderData, renderTable } from '../../report/format.js';
import type { Check } from '../../detect/check.js';

function catalogue(dirs: string[], err: (s: string) => void): Check[] {
  const checks = [...allBuiltinChecks];
  if (dirs.length) {
    const u = loadUserRules(dirs, new Set(checks.map((c) => c.meta.id)));
    for (const p of u.problems) err(`problem: ${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}\n`);
    checks.push(...u.checks);
  }
  return checks;
}

export const register: Register = (program, ctx, done) => {
  const rules = program.command('rules').description('the check catalogue: list checks, explain one');
  rules
    .command('list')
    .description('list every check (built-in and --rules) with id, severity, category, needs and aliases')
    .option('--rules <dir>', 'also load YAML/CEL user rules from this directory; repeatable', repeatable, [])
    .option('--category <name>', 'only this category (workload, security, relations, capacity, runtime, waste, linkage)')
    .action((opts: { rules: string[]; category?: string }) => {
      const checks = catalogue(opts.rules, ctx.io.err).filter((c) => !opts.category || c.meta.category === opts.category);
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
      done(0);
    });
  rules
    .command('explain <id>')
    .description('show a check\'s docs (why it matters, how to fix) and its failing/passing examples; ID may be an alias such as K8S-QUOTA')
    .option('--rules <dir>', 'also load YAML/CEL user rules from this directory; repeatable', repeatable, [])
    .action((id: string, opts: { rules: string[] }) => {
      const c = findCheck(catalogue(opts.rules, ctx.io.err), id);
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
    });
};
