// `hypercas graph`: the relations in the CMDB. Implementation in graph-run.ts.
import type { Register } from '../main.js';
import type { GraphOpts } from './graph-run.js';

export const register: Register = (program, ctx, done) => {
  program
    .command('graph')
    .description('print the relations of the CMDB (table, JSON, Graphviz DOT or Mermaid)')
    .option('--format <format>', 'table|json|dot|mermaid (default: the global --output)')
    .option('--ci <id>', 'only the neighbourhood of this CI')
    .option('--depth <n>', 'neighbourhood depth with --ci', (v) => Number(v), 1)
    .option('--cluster <name>', 'only this cluster')
    .option('--source <source>', 'declared|inferred')
    .action(async (opts: GraphOpts) => (await import('./graph-run.js')).graph(ctx, done, opts));
};
