// `hypercas graph` implementation (options in graph.ts).
import type { CommandContext } from '../context.js';
import type { Done } from '../main.js';
import { UserError } from '../exit-codes.js';
import { renderGraph, type GraphFormat } from '../../report/graph.js';
import { resolve } from './ci-run.js';

export interface GraphOpts { format?: string; ci?: string; depth: number; cluster?: string; source?: 'declared' | 'inferred' }

export function graph(ctx: CommandContext, done: Done, opts: GraphOpts): void {
  const fmt = (opts.format ?? (ctx.globals().output === 'table' ? 'table' : 'json')) as GraphFormat;
  if (!['table', 'json', 'dot', 'mermaid'].includes(fmt)) throw new UserError(`--format: unknown format ${fmt} (table|json|dot|mermaid)`);
  if (!Number.isInteger(opts.depth) || opts.depth < 1) throw new UserError('--depth must be a positive integer');
  const store = ctx.store();
  const ci = opts.ci ? resolve(store, opts.ci).id : undefined;
  ctx.io.out(renderGraph(store.relations({ ci, depth: opts.depth, cluster: opts.cluster, source: opts.source }), fmt));
  done(0);
}
