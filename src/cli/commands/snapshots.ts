// `hypercas snapshots` and `hypercas events`: what the CMDB has recorded over time.
import type { Register } from '../main.js';
import { renderData, renderTable } from '../../report/format.js';
import type { HcEvent } from '../../model/event.js';

export const register: Register = (program, ctx, done) => {
  program
    .command('snapshots')
    .description('list stored snapshots (one per collection)')
    .option('--cluster <name>', 'only this cluster')
    .action((opts: { cluster?: string }) => {
      const snaps = ctx.store().listSnapshots(opts.cluster);
      const g = ctx.globals();
      if (g.output !== 'table') ctx.io.out(renderData(snaps, g.output));
      else if (snaps.length === 0) ctx.io.out('no snapshots (run `hypercas collect` first)\n');
      else ctx.io.out(renderTable(snaps, [
        { header: 'ID', get: (s) => `@${s.id}`, right: true },
        { header: 'CLUSTER', get: (s) => s.cluster },
        { header: 'TAKEN', get: (s) => s.takenAt.slice(0, 19) },
        { header: 'CIS', get: (s) => s.ciCount, right: true },
        { header: 'RELATIONS', get: (s) => s.relationCount, right: true },
        { header: 'SOURCE', get: (s) => s.source, max: 60 },
      ]));
      done(0);
    });

  program
    .command('events')
    .description('list stored events: config changes, anomalies, findings')
    .option('--type <type>', 'config-change|metric-anomaly|log-anomaly|finding|k8s-event')
    .option('--ci <id>', 'only events of this CI')
    .option('--since <time>', 'RFC 3339 start')
    .option('--until <time>', 'RFC 3339 end')
    .option('--limit <n>', 'at most n', (v) => Number(v), 200)
    .action((opts: { type?: HcEvent['type']; ci?: string; since?: string; until?: string; limit: number }) => {
      const events = ctx.store().listEvents(opts);
      const g = ctx.globals();
      if (g.output !== 'table') ctx.io.out(renderData(events, g.output));
      else if (events.length === 0) ctx.io.out('no events\n');
      else ctx.io.out(renderTable(events, [
        { header: 'TIME', get: (e) => e.time.slice(0, 19) },
        { header: 'TYPE', get: (e) => e.type },
        { header: 'SEV', get: (e) => e.severity },
        { header: 'CI', get: (e) => e.ci ?? '' },
        { header: 'TITLE', get: (e) => e.title, max: 80 },
      ]));
      done(0);
    });
};
