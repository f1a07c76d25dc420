// `hypercas kb`: the error-code knowledge base (built-in packs plus --kb DIR user packs).
// Implementation in kb-run.ts (loaded when a subcommand runs).
import type { Register } from '../main.js';

const collect = (v: string, prev: string[]) => [...prev, v];

export const register: Register = (program, ctx, done) => {
  const kb = program.command('kb').description('error-code knowledge base: meaning, likely causes, confirming checks, fixes');

  kb.command('search')
    .description('entries whose code, message pattern or text match TEXT (a log line works too)')
    .argument('<text...>', 'words or a log line')
    .option('--kb <dir>', 'additional knowledge pack directory (repeatable)', collect, [])
    .action(async (text: string[], opts: { kb: string[] }) => (await import('./kb-run.js')).kbSearch(ctx, done, text, opts));

  kb.command('show')
    .description('one entry by id or code (e.g. TBR-2131, "SQLSTATE 53300", OOMKilled)')
    .argument('<code...>', 'entry id or code')
    .option('--kb <dir>', 'additional knowledge pack directory (repeatable)', collect, [])
    .action(async (code: string[], opts: { kb: string[] }) => (await import('./kb-run.js')).kbShow(ctx, done, code, opts));
};
