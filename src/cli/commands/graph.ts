// `hypercas graph`: the relations in the CMDB.
import type { Register } from '../main.js';
import { UserError } from '../exit-codes.js';
import { renderGraph, type GraphFormat } from '../../report/graph.js';
import { resolve } from './ci.js';

export const register: Register = (program, ctx, done) => {
  program
    .command('graph')
    .description('print the relations of the CMDB (table, JSON, Graphviz DOT or Mermaid)')
    .option('--format <format>', 'table|json|dot|mermaid (default: the global --output)')
    .option('--ci <id>', 'only the neighbourhood of this CI')
    .option('--depth <n>', 'neighbourhood depth with --ci', (v) => Number(v), 1)
    .option('--cluster <name>', 'only this cluster')
    .option('--source <source>', 'declared|inferred')
    .action((opts: { format?: string; ci?: string; depth: number; cluster?: string; source?: 'declared' | 'inferred' }) => {
      const fmt = (opts.format ?? (ctx.globals().output === 'table' ? 'table' : 'json')) as GraphFormat;
      if (!['table', 'json', 'dot', 'mermaid'].includes(fmt)) throw new UserError(`--format: unknown format ${fmt} (table|json|dot|mermaid)`);
      if (!Number.isInteger(opts.depth) || opts.depth < 1) throw new UserError('--depth must be a positive integer');
      const store = ctx.store();
      const ci = opts.ci ? resolve(store, opts.ci).id : undefined;
      ctx.io.out(renderGraph(store.relations({ ci, depth: opts.depth, cluster: opts.cluster, source: opts.source }), fmt));
      done(0);
    });
};
