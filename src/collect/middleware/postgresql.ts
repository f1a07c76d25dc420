// postgresql.conf: `name = value` (the `=` is optional), `#` comments, quoted strings, include
// directives kept as entries. Later settings override earlier ones, as in PostgreSQL.
import { excerpt, stripHashComment, unquote, type At, type ParseIssue, type Parsed } from './types.js';
import { parsePgMemory, PG_BASE_UNIT } from './sizes.js';

export interface PgConf {
  /** Lower-case name → value (unquoted) and line. */
  settings: Record<string, At>;
  includes: At[];
}

export function parsePostgresqlConf(text: string, file = 'postgresql.conf'): Parsed<PgConf> {
  const errors: ParseIssue[] = [];
  const settings: Record<string, At> = {};
  const includes: At[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const body = stripHashComment(raw, '#').trim();
    if (!body) return;
    const m = /^([A-Za-z_][\w.]*)\s*(?:=\s*|\s+)(.*)$/.exec(body);
    if (!m) {
      errors.push({ file, line: i + 1, message: `expected "name = value", got "${excerpt(body)}"` });
      return;
    }
    const name = m[1].toLowerCase();
    const value = unquote(m[2]);
    if (/^include(_if_exists|_dir)?$/.test(name)) includes.push({ value, line: i + 1 });
    else settings[name] = { value, line: i + 1 };
  });
  return { file, model: { settings, includes }, errors };
}

/** A memory setting in bytes (PostgreSQL defaults when absent). */
export function pgMemory(c: PgConf, name: string): number | undefined {
  const defaults: Record<string, string> = { shared_buffers: '128MB', work_mem: '4MB', maintenance_work_mem: '64MB', effective_cache_size: '4GB' };
  const v = c.settings[name]?.value ?? defaults[name];
  return parsePgMemory(v, PG_BASE_UNIT[name] ?? 1024);
}

export function pgInt(c: PgConf, name: string, def?: number): number | undefined {
  const v = c.settings[name]?.value;
  return v !== undefined && /^\d+$/.test(v) ? Number(v) : def;
}

export function looksLikePostgresqlConf(text: string): boolean {
  const keys = ['max_connections', 'shared_buffers', 'listen_addresses', 'work_mem', 'wal_level', 'superuser_reserved_connections', 'effective_cache_size', 'hba_file', 'data_directory'];
  return keys.filter((k) => new RegExp(`^\\s*${k}\\s*(=|\\s)`, 'm').test(text)).length >= 2 && !/^\s*\[mysqld\]/m.test(text);
}
