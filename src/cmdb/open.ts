import type { CmdbStore } from './store.js';
import { SqliteStore } from './sqlite-store.js';

/** Opens the CMDB at `path` (a SQLite file, or ':memory:'). A `postgres://` URL will select the PostgreSQL store. */
export function openStore(path: string): CmdbStore {
  return new SqliteStore(path);
}
