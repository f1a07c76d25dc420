import type { CmdbStore } from './store.js';
import { SqliteStore } from './sqlite-store.js';

/**
 * The database the user named (`--db`, $HYPERCAS_DB) cannot be used: not a SQLite file, a
 * directory, a missing parent directory, no permission. Recognised by name in the CLI (exit 2),
 * so this module does not depend on the CLI.
 */
export class StoreOpenError extends Error {
  constructor(message: string, readonly path: string) {
    super(message);
    this.name = 'StoreOpenError';
  }
}

/** Opens the CMDB at `path` (a SQLite file, or ':memory:'). A `postgres://` URL will select the PostgreSQL store. */
export function openStore(path: string): CmdbStore {
  try {
    return new SqliteStore(path);
  } catch (e) {
    const err = e as Error & { code?: string };
    // better-sqlite3 raises SqliteError (SQLITE_NOTADB, SQLITE_CANTOPEN, SQLITE_READONLY, ...) or a
    // TypeError for a missing directory; anything else is ours and stays an internal error.
    if (err.name !== 'SqliteError' && !/Cannot open database/.test(err.message)) throw e;
    const hint = err.code === 'SQLITE_NOTADB' ? ' (is it a HyperCAS database?)' : '';
    throw new StoreOpenError(`cannot use database ${path}: ${err.message}${hint}`, path);
  }
}
