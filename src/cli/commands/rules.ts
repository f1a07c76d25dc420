// `hypercas rules list` and `hypercas rules explain ID`: the check catalogue and one check's docs.
// Implementation in rules-run.ts (it loads the check registry).
import type { Register } from '../main.js';
import { repeatable } from '../util.js';

export const register: Register = (program, ctx, done) => {
  const rules = program.command('rules').description('the check catalogue: list checks, explain one');
  rules
    .command('list')
    .description('list every check (built-in and --rules) with id, severity, category, needs and aliases')
    .option('--rules <dir>', 'also load YAML/CEL user rules from this directory; repeatable', repeatable, [])
    .option('--category <name>', 'only this category (workload, security, relations, capacity, runtime, waste, linkage)')
    .action(async (opts: { rules: string[]; category?: string }) => (await import('./rules-run.js')).rulesList(ctx, done, opts));
  rules
    .command('explain <id>')
    .description('show a check\'s docs (why it matters, how to fix) and its failing/passing examples; ID may be an alias such as K8S-QUOTA')
    .option('--rules <dir>', 'also load YAML/CEL user rules from this directory; repeatable', repeatable, [])
    .action(async (id: string, opts: { rules: string[] }) => (await import('./rules-run.js')).rulesExplain(ctx, done, id, opts));
};
