// `hypercas ci list|show` implementation (options in ci.ts).
import type { CommandContext } from '../context.js';
import type { Done } from '../main.js';
import { UserError } from '../exit-codes.js';
import { renderData, renderTable } from '../../report/format.js';
import { renderGraph } from '../../report/graph.js';
import { stringify as toYaml } from 'yaml';
import type { CmdbStore } from '../../cmdb/store.js';
import type { CI } from '../../model/ci.js';

export interface ListOpts { kind?: string; namespace?: string; cluster?: string; name?: string; snapshot?: number; limit?: number }

export function ciList(ctx: CommandContext, done: Done, opts: ListOpts): void {
  const cis = ctx.store().listCIs(opts);
  const g = ctx.globals();
  if (g.output !== 'table') ctx.io.out(renderData(cis.map(brief), g.output));
  else if (cis.length === 0) ctx.io.out('no CIs (run `hypercas collect` first)\n');
  else ctx.io.out(renderTable(cis, [
    { header: 'ID', get: (c) => c.id },
    { header: 'LABELS', get: (c) => Object.entries(c.labels).map(([k, v]) => `${k}=${v}`).join(','), max: 50 },
    { header: 'LAST SEEN', get: (c) => c.lastSeen?.slice(0, 19) },
  ]));
  done(0);
}

export function ciShow(ctx: CommandContext, done: Done, id: string, opts: { snapshot?: number }): void {
  const store = ctx.store();
  const found = resolve(store, id, opts.snapshot);
  const relations = store.relations({ ci: found.id, depth: 1, snapshot: opts.snapshot });
  const history = store.history(found.id);
  const g = ctx.globals();
  if (g.output !== 'table') {
    ctx.io.out(renderData({ ci: found, relations, history }, g.output));
  } else {
    ctx.io.out(`${found.id}\n  kind: ${found.kind}  type: ${found.type}  uid: ${found.uid ?? '-'}  hash: ${found.hash.slice(0, 12)}\n`);
    ctx.io.out(`  first seen: ${found.firstSeen}  last seen: ${found.lastSeen}${found.source?.file ? `  source: ${found.source.file}:${found.source.line ?? ''}` : ''}\n\n`);
    ctx.io.out('configuration:\n' + indent(toYaml(found.config, { lineWidth: 0 })) + '\n');
    ctx.io.out('relations:\n' + indent(renderGraph(relations, 'table')) + '\n');
    ctx.io.out('history:\n');
    if (history.length === 0) ctx.io.out('  (none)\n');
    for (const h of history) {
      ctx.io.out(`  snapshot ${h.snapshot} ${h.time.slice(0, 19)} ${h.kind}\n`);
      for (const c of h.changes) ctx.io.out(`    ${c.op.padEnd(7)} ${c.path}: ${short(c.old)} → ${short(c.new)}\n`);
    }
  }
  done(0);
}

/** Accepts a full id, or `kind/namespace/name` / `kind/name` when unambiguous. */
export function resolve(store: CmdbStore, id: string, snapshot?: number): CI {
  const exact = store.getCI(id, snapshot);
  if (exact) return exact;
  const parts = id.split('/');
  const [kind, a, b] = parts;
  const candidates = parts.length === 3 ? store.listCIs({ kind, namespace: a === '_' ? '' : a, snapshot }).filter((c) => c.name === b)
    : parts.length === 2 ? store.listCIs({ kind, snapshot }).filter((c) => c.name === a) : [];
  if (candidates.length === 1) return candidates[0];
  if (candidates.length > 1) throw new UserError(`${id} is ambiguous: ${candidates.map((c) => c.id).join(', ')}`);
  throw new UserError(`no CI ${id} (ids look like cluster/kind/namespace/name; see \`hypercas ci list\`)`);
}

function brief(c: CI) {
  return { id: c.id, kind: c.kind, namespace: c.namespace, name: c.name, labels: c.labels, hash: c.hash, lastSeen: c.lastSeen };
}

function indent(s: string): string {
  return s.split('\n').map((l) => (l ? '  ' + l : l)).join('\n');
}

function short(v: unknown): string {
  if (v === undefined) return '∅';
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > 60 ? s.slice(0, 59) + '…' : s;
}
