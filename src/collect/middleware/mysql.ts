// my.cnf: INI sections (`[mysqld]`), `key = value` or bare `key`, `#`/`;` comments, `!include` and
// `!includedir` kept. Option names normalise `-` to `_` as mysqld does.
import { stripHashComment, unquote, type At, type ParseIssue, type Parsed } from './types.js';
import { parseBinarySize } from './sizes.js';

export interface MyCnf {
  /** section → option (normalised) → value and line. */
  sections: Record<string, Record<string, At>>;
  includes: At[];
}

export function parseMyCnf(text: string, file = 'my.cnf'): Parsed<MyCnf> {
  const errors: ParseIssue[] = [];
  const sections: Record<string, Record<string, At>> = {};
  const includes: At[] = [];
  let sec: string | undefined;
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    const body = stripHashComment(raw, '#;').trim();
    if (!body) return;
    if (body.startsWith('!')) {
      includes.push({ value: body, line });
      return;
    }
    const s = /^\[([^\]]+)\]$/.exec(body);
    if (s) {
      sec = s[1].trim().toLowerCase();
      sections[sec] ??= {};
      return;
    }
    if (!sec) {
      errors.push({ file, line, message: 'option outside any [section]' });
      return;
    }
    const eq = body.indexOf('=');
    const name = (eq < 0 ? body : body.slice(0, eq)).trim().toLowerCase().replace(/-/g, '_');
    sections[sec][name] = { value: eq < 0 ? 'ON' : unquote(body.slice(eq + 1)), line };
  });
  return { file, model: { sections, includes }, errors };
}

/** The server options: [mysqld] overridden by [mariadb]/[server] if present. */
export function mysqldOptions(c: MyCnf): Record<string, At> {
  return { ...(c.sections.server ?? {}), ...(c.sections.mysqld ?? {}), ...(c.sections.mariadb ?? {}) };
}

export function mysqlSize(o: Record<string, At>, name: string, def: string): number | undefined {
  return parseBinarySize(o[name]?.value ?? def);
}

export function looksLikeMyCnf(text: string): boolean {
  return /^\s*\[(mysqld|mariadb|server|mysqld_safe)\]\s*$/m.test(text);
}
