// `hypercas snapshots` and `hypercas events`: what the CMDB has recorded over time. Implementation in snapshots-run.ts.
import type { Register } from '../main.js';
import { positiveIntOption } from '../util.js';
import type { EventsOpts } from './snapshots-run.js';

export const register: Register = (program, ctx, done) => {
  program
    .command('snapshots')
    .description('list stored snapshots (one per collection)')
    .option('--cluster <name>', 'only this cluster')
    .action(async (opts: { cluster?: string }) => (await import('./snapshots-run.js')).snapshots(ctx, done, opts));

  program
    .command('events')
    .description('list stored events: config changes, anomalies, findings')
    .option('--type <type>', 'config-change|metric-anomaly|log-anomaly|finding|k8s-event')
    .option('--ci <id>', 'only events of this CI')
    .option('--since <time>', 'RFC 3339 start')
    .option('--until <time>', 'RFC 3339 end')
    .option('--limit <n>', 'at most n', positiveIntOption('--limit'), 200)
    .action(async (opts: EventsOpts) => (await import('./snapshots-run.js')).events(ctx, done, opts));
};
