// `hypercas snapshots` / `hypercas events` implementation (options in snapshots.ts).
import type { CommandContext } from '../context.js';
import type { Done } from '../main.js';
import { renderData, renderTable } from '../../report/format.js';
import type { HcEvent } from '../../model/event.js';
import { UserError } from '../exit-codes.js';
import { parseTime } from '../../collect/prometheus/client.js';

const EVENT_TYPES: ReadonlyArray<HcEvent['type']> = ['config-change', 'metric-anomaly', 'log-anomaly', 'finding', 'k8s-event', 'relation-change'];

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
  // The store compares RFC 3339 strings: `--since yesterday` would silently match nothing, so
  // validate and normalise times (also accepting `now-1d` and epoch seconds) and types up front.
  if (opts.type !== undefined && !EVENT_TYPES.includes(opts.type)) throw new UserError(`--type: unknown event type "${opts.type}" (${EVENT_TYPES.join('|')})`);
  const iso = (flag: string, v: string | undefined): string | undefined => {
    if (v === undefined) return undefined;
    try {
      return new Date(parseTime(v)).toISOString();
    } catch (e) {
      throw new UserError(`${flag}: ${(e as Error).message}`);
    }
  };
  const events = ctx.store().listEvents({ ...opts, since: iso('--since', opts.since), until: iso('--until', opts.until) });
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
