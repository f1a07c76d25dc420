// `hypercas diff` implementation (options in diff.ts).
import type { CommandContext } from '../context.js';
import type { Done } from '../main.js';
import { EXIT, UserError } from '../exit-codes.js';
import { collectFiles } from '../../collect/collect.js';
import { diffCIs, diffRelations } from '../../cmdb/diff.js';
import { renderData } from '../../report/format.js';
import type { CI } from '../../model/ci.js';
import type { Relation } from '../../model/relation.js';

interface State {
  label: string;
  cis: CI[];
  relations: Relation[];
}

export async function diff(ctx: CommandContext, done: Done, oldArg: string, newArg: string, opts: { cluster: string }): Promise<void> {
  let partial = false;
  const load = (arg: string): State => {
    if (arg.startsWith('@')) return fromSnapshot(ctx, arg, opts.cluster);
    const c = collectFiles([arg], { cluster: opts.cluster });
    for (const p of c.problems) ctx.io.err(`${p.level}: ${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}\n`);
    if (c.problems.some((p) => p.level === 'error')) partial = true;
    if (c.inventory.items.length === 0 && c.problems.length > 0) throw new UserError(`${arg}: nothing could be read`);
    return { label: arg, cis: c.inventory.items.map((i) => i.ci), relations: c.inventory.relations };
  };
  const a = load(oldArg);
  const b = load(newArg);
  const changes = diffCIs(a.cis, b.cis);
  const rel = diffRelations(a.relations, b.relations);
  const g = ctx.globals();
  if (g.output !== 'table') {
    ctx.io.out(renderData({ old: a.label, new: b.label, changes, relationsAdded: rel.added, relationsBroken: rel.removed }, g.output));
  } else {
    if (changes.length === 0 && rel.added.length === 0 && rel.removed.length === 0) ctx.io.out('no changes\n');
    for (const c of changes) {
      const sign = c.kind === 'added' ? '+' : c.kind === 'removed' ? '-' : '~';
      ctx.io.out(`${sign} ${c.ci}${c.kind === 'modified' ? '' : ` (${c.kind})`}\n`);
      for (const ch of c.changes) {
        if (typeof ch.old === 'string' && typeof ch.new === 'string' && (ch.old.includes('\n') || ch.new.includes('\n'))) {
          ctx.io.out(`    ${ch.op.padEnd(7)} ${ch.path}:\n${lineDiff(ch.old, ch.new).map((l) => `        ${l}\n`).join('')}`);
        } else ctx.io.out(`    ${ch.op.padEnd(7)} ${ch.path}: ${short(ch.old)} → ${short(ch.new)}\n`);
      }
    }
    if (rel.removed.length) {
      ctx.io.out(`\nrelations broken or removed (${rel.removed.length}):\n`);
      for (const r of rel.removed) ctx.io.out(`  - ${r.from} ${r.type} ${r.to}\n`);
    }
    if (rel.added.length) {
      ctx.io.out(`\nrelations added (${rel.added.length}):\n`);
      for (const r of rel.added) ctx.io.out(`  + ${r.from} ${r.type} ${r.to}${r.dangling ? '  (target missing)' : ''}\n`);
    }
  }
  done(partial ? EXIT.PARTIAL : EXIT.OK);
}

function fromSnapshot(ctx: CommandContext, arg: string, cluster: string): State {
  const store = ctx.store();
  const snaps = store.listSnapshots(cluster);
  const ref = arg.slice(1);
  let id: number | undefined;
  if (ref === 'latest') id = snaps.at(-1)?.id;
  else if (ref === 'previous') id = snaps.at(-2)?.id;
  else if (/^\d+$/.test(ref)) id = Number(ref);
  const all = store.listSnapshots();
  const snap = all.find((s) => s.id === id);
  if (!snap) throw new UserError(`no snapshot ${arg}${snaps.length ? ` (cluster ${cluster} has ${snaps.map((s) => '@' + s.id).join(', ')})` : ` (cluster ${cluster} has none; see \`hypercas collect\`)`}`);
  return { label: `snapshot ${snap.id} (${snap.cluster} ${snap.takenAt})`, cis: store.listCIs({ snapshot: snap.id, cluster: snap.cluster }), relations: store.relations({ snapshot: snap.id, cluster: snap.cluster, source: 'declared' }) };
}

/** Changed lines of a multi-line value (a config file in a ConfigMap), with one line of context. */
export function lineDiff(a: string, b: string): string[] {
  const x = a.split('\n');
  const y = b.split('\n');
  // Longest common subsequence over lines: config files are small, O(n·m) is fine.
  const n = x.length, m = y.length;
  const L = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) L[i][j] = x[i] === y[j] ? L[i + 1][j + 1] + 1 : Math.max(L[i + 1][j], L[i][j + 1]);
  const ops: Array<[' ' | '-' | '+', string]> = [];
  let i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && x[i] === y[j]) { ops.push([' ', x[i]]); i++; j++; }
    else if (i < n && (j >= m || L[i + 1][j] >= L[i][j + 1])) ops.push(['-', x[i++]]);
    else ops.push(['+', y[j++]]);
  }
  const keep = ops.map((o, k) => o[0] !== ' ' || ops[k - 1]?.[0] !== undefined && ops[k - 1][0] !== ' ' || ops[k + 1]?.[0] !== undefined && ops[k + 1][0] !== ' ');
  const out: string[] = [];
  ops.forEach((o, k) => {
    if (keep[k]) out.push(`${o[0]} ${o[1]}`);
    else if (keep[k - 1]) out.push('  …');
  });
  return out;
}

function short(v: unknown): string {
  if (v === undefined) return '∅';
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > 70 ? s.slice(0, 69) + '…' : s;
}
