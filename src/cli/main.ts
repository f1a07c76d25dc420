// The `hypercas` command: global options, then one module per command under ./commands.
import { Command, CommanderError, Option } from 'commander';
import { createRequire } from 'node:module';
import { EXIT, UserError } from './exit-codes.js';
import { defaultDbPath, processIo, type CommandContext, type GlobalOptions, type Io } from './context.js';
import { commands } from './commands/index.js';
import type { CmdbStore } from '../cmdb/store.js';

const pkg = createRequire(import.meta.url)('../../package.json') as { version: string };

/** Sets the process exit code of a command. */
export type Done = (code: number) => void;

/**
 * Each command module registers itself and sets the exit code through `done`. Registering must stay
 * cheap (options and help only): the implementation lives in `<name>-run.ts`, imported by the action,
 * so `--version`, `--help` and light commands do not load the whole library (see startup.test.ts).
 */
export type Register = (program: Command, ctx: CommandContext, done: Done) => void;

export function buildProgram(io: Io = processIo): { program: Command; exitCode: () => number; closeStore: () => void } {
  let code: number = EXIT.OK;
  let store: CmdbStore | undefined;
  const program = new Command('hypercas');
  program
    .description('AIOps for Kubernetes and the application stacks on it: collect, model, detect, explain, act.')
    .version(pkg.version, '-V, --version')
    .option('--db <path>', 'CMDB database file (":memory:" for a throw-away one)', undefined)
    .addOption(new Option('-o, --output <format>', 'output format').choices(['table', 'json', 'yaml']).default('table'))
    .option('-q, --quiet', 'print only results, no progress or warnings summary')
    .option('--no-color', 'never colour the output')
    .showHelpAfterError()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .exitOverride();

  // The SQLite store (a native module) is loaded before any action runs, not for --help/--version;
  // `ctx.store()` stays synchronous for the commands.
  let openStore: typeof import('../cmdb/open.js').openStore | undefined;
  program.hook('preAction', async () => {
    openStore ??= (await import('../cmdb/open.js')).openStore;
  });
  const ctx: CommandContext = {
    io,
    globals: () => program.opts<GlobalOptions>(),
    store: () => {
      if (!openStore) throw new Error('ctx.store() called outside a command action');
      return (store ??= openStore(program.opts<GlobalOptions>().db ?? defaultDbPath()));
    },
  };
  for (const register of commands) register(program, ctx, (c) => (code = c));
  return { program, exitCode: () => code, closeStore: () => store?.close() };
}

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const { program, exitCode, closeStore } = buildProgram(io);
  try {
    await program.parseAsync(argv);
    return exitCode();
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version arrive here as "errors" with exit code 0.
      return e.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
    }
    if (e instanceof UserError) {
      io.err(`hypercas: ${e.message}\n`);
      return e.exitCode;
    }
    // A cluster the user named but we cannot use (KubeAccessError, recognised by shape so the
    // Kubernetes client is not loaded for every command): a bad kubeconfig is a usage problem,
    // anything else means we could not get in.
    // A --db that is not a usable SQLite file (StoreOpenError from cmdb/open.ts, by name so this
    // module does not load the store): a usage problem naming the path.
    if (e instanceof Error && e.name === 'StoreOpenError') {
      io.err(`hypercas: ${e.message}\n`);
      return EXIT.USAGE;
    }
    const reason = kubeAccessReason(e);
    if (reason) {
      io.err(`hypercas: ${(e as Error).message}\n`);
      return reason === 'kubeconfig' ? EXIT.USAGE : EXIT.UNREACHABLE;
    }
    throw e;
  } finally {
    closeStore();
  }
}

function kubeAccessReason(e: unknown): string | undefined {
  if (!(e instanceof Error) || e.name !== 'KubeAccessError') return undefined;
  const r = (e as Error & { reason?: unknown }).reason;
  return typeof r === 'string' ? r : undefined;
}
