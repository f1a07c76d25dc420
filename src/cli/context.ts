// What every command gets: global options, the store (opened lazily), and where to write.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { UserError } from './exit-codes.js';
import type { CmdbStore } from '../cmdb/store.js';
import type { OutputFormat } from '../report/format.js';

export interface GlobalOptions {
  db?: string;
  output: OutputFormat;
  quiet?: boolean;
  color?: boolean;
}

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  isTTY: boolean;
  stdin: NodeJS.ReadableStream;
}

export const processIo: Io = {
  out: (s) => void process.stdout.write(s),
  err: (s) => void process.stderr.write(s),
  isTTY: Boolean(process.stdout.isTTY),
  stdin: process.stdin,
};

/** Default database: $HYPERCAS_DB, else $XDG_DATA_HOME/hypercas/hypercas.db (~/.local/share on Linux). */
export function defaultDbPath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.HYPERCAS_DB) return env.HYPERCAS_DB;
  const base = env.XDG_DATA_HOME || (process.platform === 'darwin' ? join(homedir(), 'Library', 'Application Support') : join(homedir(), '.local', 'share'));
  const dir = join(base, 'hypercas');
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new UserError(`cannot create the database directory ${dir} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}): use --db PATH or set $HYPERCAS_DB`);
  }
  return join(dir, 'hypercas.db');
}

export interface CommandContext {
  globals(): GlobalOptions;
  io: Io;
  /** Opens the store on first use (so commands that need none never create a file). */
  store(): CmdbStore;
}
