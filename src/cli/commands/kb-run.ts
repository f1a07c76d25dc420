// `hypercas kb search|show` implementation (options in kb.ts).
import type { CommandContext } from '../context.js';
import type { Done } from '../main.js';
import { EXIT, UserError } from '../exit-codes.js';
import { renderData, renderTable } from '../../report/format.js';
import { findKbEntry, loadKnowledgeBase, searchKb, type KbEntry } from '../../knowledge/kb.js';
import { problemText } from '../../knowledge/yaml-load.js';

function load(ctx: CommandContext, dirs: string[]) {
  const k = loadKnowledgeBase(dirs);
  if (k.problems.length && !ctx.globals().quiet) for (const p of k.problems) ctx.io.err(`hypercas: ${problemText(p)}\n`);
  return k;
}

function show(e: KbEntry): string {
  const lines = [
    `${e.id}  ${e.title}  (${e.product})`,
    e.codes.length ? `codes:    ${e.codes.join(', ')}` : '',
    e.patterns.length ? `patterns: ${e.patterns.join(' | ')}` : '',
    `meaning:  ${e.meaning}`,
    ...(e.causes.length ? ['likely causes:', ...e.causes.map((c, i) => `  ${i + 1}. ${c.cause}${c.checks.length ? `  [checks: ${c.checks.join(', ')}]` : ''}`)] : []),
    ...(e.fixes.length ? ['fixes:', ...e.fixes.map((f) => `  - ${f}`)] : []),
    ...(e.refs.length ? ['refs:', ...e.refs.map((r) => `  ${r}`)] : []),
    `source:   ${e.file}:${e.line}`,
  ];
  return lines.filter(Boolean).join('\n') + '\n';
}

export function kbSearch(ctx: CommandContext, done: Done, text: string[], opts: { kb: string[] }): void {
  const k = load(ctx, opts.kb);
  const hits = searchKb(k, text.join(' '));
  const fmt = ctx.globals().output;
  if (fmt !== 'table') ctx.io.out(renderData(hits.map(({ file: _f, line: _l, ...e }) => e), fmt));
  else if (!hits.length) ctx.io.out('no matching entry\n');
  else ctx.io.out(renderTable(hits, [{ header: 'ID', get: (e) => e.id }, { header: 'PRODUCT', get: (e) => e.product }, { header: 'CODES', get: (e) => e.codes.join(','), max: 30 }, { header: 'TITLE', get: (e) => e.title }]));
  done(k.problems.length ? EXIT.PARTIAL : EXIT.OK);
}

export function kbShow(ctx: CommandContext, done: Done, code: string[], opts: { kb: string[] }): void {
  const k = load(ctx, opts.kb);
  const e = findKbEntry(k, code.join(' '));
  if (!e) throw new UserError(`no knowledge-base entry for "${code.join(' ')}" (try: hypercas kb search ${code.join(' ')})`);
  const fmt = ctx.globals().output;
  ctx.io.out(fmt === 'table' ? show(e) : renderData(e, fmt));
  done(k.problems.length ? EXIT.PARTIAL : EXIT.OK);
}
