// `hypercas diff OLD NEW`: configuration changes between two states (files, directories or stored
// snapshots), per CI, and the relations they add or break. Implementation in diff-run.ts.
import type { Register } from '../main.js';

export const register: Register = (program, ctx, done) => {
  program
    .command('diff <old> <new>')
    .description('configuration changes between two states: files/directories, or stored snapshots as @ID (e.g. @3, or @latest / @previous)')
    .option('--cluster <name>', 'cluster for @latest/@previous and for file input', 'local')
    .action(async (oldArg: string, newArg: string, opts: { cluster: string }) => (await import('./diff-run.js')).diff(ctx, done, oldArg, newArg, opts));
};
