// `hypercas collect` implementation (options in collect.ts).
import type { CommandContext } from '../context.js';
import type { Done } from '../main.js';
import { EXIT, UserError } from '../exit-codes.js';
import { collectClusters, collectFiles, storeCollected, type Collected } from '../../collect/collect.js';
import { renderData, renderTable } from '../../report/format.js';
import { renderGraph, type GraphFormat } from '../../report/graph.js';
import { readStdin } from '../util.js';
import type { SnapshotResult } from '../../cmdb/store.js';

export interface CollectOpts { file: string[]; context: string[]; kubeconfig?: string; inCluster?: boolean; cluster: string; graph?: string | boolean }

export async function collect(ctx: CommandContext, done: Done, opts: CollectOpts): Promise<void> {
  const g = ctx.globals();
  const results: Array<{ collected: Collected; snapshot: SnapshotResult }> = [];
  let code: number = EXIT.OK;
  const collected: Collected[] = [];
  if (opts.file.length > 0) {
    const stdinText = opts.file.includes('-') ? await readStdin(ctx.io.stdin) : undefined;
    collected.push(collectFiles(opts.file, { cluster: opts.cluster, stdinText }));
  } else {
    const progress = g.quiet || !ctx.io.isTTY ? undefined : (l: string) => ctx.io.err(`\r\x1b[K${l.slice(0, 100)}`);
    let live;
    try {
      live = await collectClusters({ kubeconfig: opts.kubeconfig, contexts: opts.context, inCluster: opts.inCluster, onProgress: progress });
    } catch (e) {
      // A kubeconfig the user can fix is a usage problem; anything else means we could not get in.
      const reason = (e as { reason?: string }).reason;
      throw new UserError((e as Error).message, reason === 'kubeconfig' ? EXIT.USAGE : EXIT.UNREACHABLE);
    }
    if (progress) ctx.io.err('\r\x1b[K');
    for (const r of live) {
      if ('error' in r) {
        ctx.io.err(`hypercas: ${r.cluster}: ${r.error.message}\n`);
        code = EXIT.UNREACHABLE;
      } else collected.push(r);
    }
  }
  const store = ctx.store();
  for (const c of collected) {
    for (const p of c.problems) ctx.io.err(`${p.level === 'error' ? 'error' : 'warning'}: ${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}\n`);
    for (const w of c.warnings) ctx.io.err(`warning: ${c.cluster}: ${w}\n`);
    for (const d of c.denied) ctx.io.err(`warning: ${c.cluster}: cannot list ${d.kind}${d.namespace ? ` in namespace ${d.namespace}` : ''} (${d.status}): ${d.message}\n`);
    if (c.problems.some((p) => p.level === 'error') || c.denied.length > 0) code = Math.max(code, EXIT.PARTIAL);
    if (c.inventory.items.length === 0 && !c.live) {
      ctx.io.err(`hypercas: no Kubernetes objects found in ${c.source}\n`);
      code = EXIT.USAGE;
      continue;
    }
    results.push({ collected: c, snapshot: storeCollected(store, c) });
  }
  if (g.output !== 'table') {
    ctx.io.out(renderData(results.map(({ collected: c, snapshot: s }) => summary(c, s)), g.output));
  } else {
    for (const { collected: c, snapshot: s } of results) {
      const sum = summary(c, s);
      ctx.io.out(`collected ${sum.cluster} from ${sum.source}: ${sum.objects} objects, ${sum.relations} relations (${sum.danglingRelations} to missing objects) → snapshot ${sum.snapshot} in ${store.path}\n`);
      if (s.changes.length || s.relationsAdded.length || s.relationsRemoved.length) {
        ctx.io.out(`changes since the previous snapshot: ${s.changes.length} CIs (${count(s, 'added')} added, ${count(s, 'modified')} modified, ${count(s, 'removed')} removed), relations +${s.relationsAdded.length} −${s.relationsRemoved.length}\n`);
      }
      if (!g.quiet) ctx.io.out(renderTable(Object.entries(sum.kinds).sort((a, b) => b[1] - a[1]), [{ header: 'KIND', get: (r) => r[0] }, { header: 'COUNT', get: (r) => r[1], right: true }]));
    }
  }
  if (opts.graph) {
    const fmt = (typeof opts.graph === 'string' ? opts.graph : 'table') as GraphFormat;
    if (!['table', 'json', 'dot', 'mermaid'].includes(fmt)) throw new UserError(`--graph: unknown format ${fmt} (table|json|dot|mermaid)`);
    for (const { collected: c } of results) ctx.io.out('\n' + renderGraph(c.inventory.relations, fmt));
  }
  done(code);
}

function count(s: SnapshotResult, k: 'added' | 'modified' | 'removed'): number {
  return s.changes.filter((c) => c.kind === k).length;
}

function summary(c: Collected, s: SnapshotResult) {
  const kinds: Record<string, number> = {};
  for (const it of c.inventory.items) kinds[it.ci.kind] = (kinds[it.ci.kind] ?? 0) + 1;
  return {
    cluster: c.cluster,
    source: c.source,
    live: c.live,
    snapshot: s.snapshot.id,
    objects: c.inventory.items.length,
    relations: c.inventory.relations.length,
    danglingRelations: c.inventory.relations.filter((r) => r.dangling).length,
    kinds,
    problems: c.problems,
    denied: c.denied,
    changes: s.changes.map((ch) => ({ ci: ch.ci, kind: ch.kind, changes: ch.changes.length })),
    relationsAdded: s.relationsAdded.length,
    relationsRemoved: s.relationsRemoved.length,
  };
}
