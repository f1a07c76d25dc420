// `hypercas snapshots` / `hypercas events` implementation (options in snapshots.ts).
import type { CommandContext } from '../context.js';
import type { Done } from '../main.js';
import { renderData, renderTable } from '../../report/format.js';
import type { HcEvent } from '../../model/event.js';

export interface EventsOpts { type?: HcEvent['type']; ci?: string; since?: string; until?: string; limit: number }

export function snapshots(ctx: CommandContext, done: Done, opts: { cluster?: string }): void {
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
}

export function events(ctx: CommandContext, done: Done, opts: EventsOpts): void {
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
}
