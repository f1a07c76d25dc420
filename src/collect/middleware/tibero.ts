// Tibero: the initialization parameter file `<SID>.tip` (NAME=value lines) and the client alias
// file `tbdsn.tbr` (ALIAS=((INSTANCE=(HOST=..)(PORT=..)(DB_NAME=..))), possibly over several lines).
import { excerpt, stripHashComment, unquote, toInt, type At, type ParseIssue, type Parsed } from './types.js';
import { parseBinarySize } from './sizes.js';

export interface TiberoTip {
  /** Upper-case parameter name → value as written (quotes removed) and its line. */
  params: Record<string, At>;
}

export function parseTip(text: string, file = 'tibero.tip'): Parsed<TiberoTip> {
  const params: Record<string, At> = {};
  const errors: ParseIssue[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const body = stripHashComment(raw).trim();
    if (!body) return;
    const eq = body.indexOf('=');
    if (eq <= 0) {
      errors.push({ file, line: i + 1, message: `expected NAME=value, got "${excerpt(body)}"` });
      return;
    }
    params[body.slice(0, eq).trim().toUpperCase()] = { value: unquote(body.slice(eq + 1)), line: i + 1 };
  });
  return { file, model: { params }, errors };
}

export interface TiberoParams {
  dbName?: At;
  listenerPort?: At<number>;
  maxSessionCount?: At<number>;
  memoryTarget?: At<number>;
  totalShmSize?: At<number>;
  dbCacheSize?: At<number>;
  logBuffer?: At<number>;
}

export function tiberoParams(t: TiberoTip): TiberoParams {
  const n = (k: string) => {
    const p = t.params[k];
    const v = toInt(p?.value);
    return p && v !== undefined ? { value: v, line: p.line } : undefined;
  };
  const size = (k: string) => {
    const p = t.params[k];
    const v = parseBinarySize(p?.value);
    return p && v !== undefined ? { value: v, line: p.line } : undefined;
  };
  return {
    dbName: t.params.DB_NAME,
    listenerPort: n('LISTENER_PORT'),
    maxSessionCount: n('MAX_SESSION_COUNT'),
    memoryTarget: size('MEMORY_TARGET'),
    totalShmSize: size('TOTAL_SHM_SIZE'),
    dbCacheSize: size('DB_CACHE_SIZE'),
    logBuffer: size('LOG_BUFFER'),
  };
}

export function looksLikeTip(text: string): boolean {
  const keys = ['DB_NAME', 'LISTENER_PORT', 'MEMORY_TARGET', 'TOTAL_SHM_SIZE', 'MAX_SESSION_COUNT', 'DB_CACHE_SIZE', 'CONTROL_FILES'];
  return keys.filter((k) => new RegExp(`^\\s*${k}\\s*=`, 'm').test(text)).length >= 2;
}

export interface TbdsnAlias {
  name: string;
  line: number;
  host?: At;
  port?: At<number>;
  dbName?: At;
  gateway: boolean;
}

export function parseTbdsn(text: string, file = 'tbdsn.tbr'): Parsed<{ aliases: TbdsnAlias[] }> {
  const errors: ParseIssue[] = [];
  const aliases: TbdsnAlias[] = [];
  let cur: TbdsnAlias | undefined;
  let depth = 0;
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    let body = stripHashComment(raw);
    if (!body.trim()) return;
    if (depth === 0) {
      const m = /^\s*([A-Za-z0-9_.$-]+)\s*=\s*(.*)$/.exec(body);
      if (!m) {
        errors.push({ file, line, message: `expected ALIAS=(...), got "${excerpt(body)}"` });
        return;
      }
      cur = { name: m[1], line, gateway: false };
      aliases.push(cur);
      body = m[2];
    }
    for (const kv of body.matchAll(/\(\s*([A-Za-z_]+)\s*=\s*([^()]*?)\s*\)/g)) {
      const k = kv[1].toUpperCase();
      const v = kv[2];
      if (!cur) break;
      if (k === 'HOST' && !cur.host) cur.host = { value: v, line };
      else if (k === 'PORT' && !cur.port && toInt(v) !== undefined) cur.port = { value: toInt(v)!, line };
      else if (k === 'DB_NAME' && !cur.dbName) cur.dbName = { value: v, line };
    }
    if (/\(\s*GATEWAY\s*=/i.test(body) && cur) cur.gateway = true;
    for (const c of body) depth += c === '(' ? 1 : c === ')' ? -1 : 0;
    if (depth < 0) {
      errors.push({ file, line, message: 'unbalanced ")"' });
      depth = 0;
    }
  });
  if (depth > 0 && cur) errors.push({ file, line: cur.line, message: `alias ${cur.name}: unbalanced "(" (missing ")")` });
  return { file, model: { aliases }, errors };
}

export function looksLikeTbdsn(text: string): boolean {
  return /\(\s*INSTANCE\s*=\s*\(\s*HOST\s*=/i.test(text) || /\(\s*GATEWAY\s*=\s*\(/i.test(text);
}
