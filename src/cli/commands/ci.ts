// `hypercas ci list|show`: query the CMDB. Implementation in ci-run.ts (loaded when a subcommand runs).
import type { Register } from '../main.js';
import { positiveIntOption } from '../util.js';
import type { ListOpts } from './ci-run.js';

export const register: Register = (program, ctx, done) => {
  const ci = program.command('ci').description('query configuration items in the CMDB');
  ci.command('list')
    .description('list CIs of the latest snapshot of each cluster')
    .option('--kind <kind>', 'only this kind (case-insensitive)')
    .option('-n, --namespace <ns>', 'only this namespace')
    .option('--cluster <name>', 'only this cluster')
    .option('--name <text>', 'name contains text')
    .option('--snapshot <id>', 'as of this snapshot', positiveIntOption('--snapshot'))
    .option('--limit <n>', 'at most n rows', positiveIntOption('--limit'))
    .action(async (opts: ListOpts) => (await import('./ci-run.js')).ciList(ctx, done, opts));
  ci.command('show <id>')
    .description('one CI: its configuration, its relations both ways and its change history')
    .option('--snapshot <id>', 'as of this snapshot', positiveIntOption('--snapshot'))
    .action(async (id: string, opts: { snapshot?: number }) => (await import('./ci-run.js')).ciShow(ctx, done, id, opts));
};
