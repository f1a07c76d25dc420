// Spring Boot configuration: application.yaml/.yml and .properties, flattened to property keys
// with relaxed binding (`maximumPoolSize` = `maximum-pool-size` = `MAXIMUM_POOL_SIZE`), `${ENV:default}`
// placeholders resolved against the container environment, and the sources Spring lets override
// files: environment variables and `--key=value` command-line arguments.
import { LineCounter, parseAllDocuments, isMap, isSeq, isScalar, type Node } from 'yaml';
import { excerpt, type ParseIssue, type Parsed } from './types.js';

export interface SpringProp {
  /** Key as written (dotted). */
  key: string;
  value: string;
  /** Line in `file`; absent for env/args. */
  line?: number;
  /** `file` | `env:NAME` | `arg`. */
  origin: string;
}

export interface SpringConfig {
  /** Canonical key (see canonicalKey) → property. */
  props: Record<string, SpringProp>;
}

/** Relaxed binding: lower case, `-` and `_` dropped within segments, `[n]` kept. */
export function canonicalKey(k: string): string {
  return k
    .split('.')
    .map((seg) => seg.toLowerCase().replace(/[-_]/g, ''))
    .join('.');
}

export function parseSpringYaml(text: string, file = 'application.yaml'): Parsed<SpringConfig> {
  const errors: ParseIssue[] = [];
  const props: Record<string, SpringProp> = {};
  const lc = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: lc, prettyErrors: false });
  const docList = Array.isArray(docs) ? docs : [docs];
  for (const doc of docList) {
    for (const e of doc.errors) errors.push({ file, line: e.linePos?.[0]?.line ?? lc.linePos(e.pos[0]).line, message: e.message.split('\n')[0] });
    const local: Record<string, SpringProp> = {};
    const visit = (n: Node | null | undefined, prefix: string) => {
      if (isMap(n)) {
        for (const pair of n.items) {
          const k = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
          visit(pair.value as Node, prefix ? `${prefix}.${k}` : k);
        }
      } else if (isSeq(n)) {
        n.items.forEach((it, i) => visit(it as Node, `${prefix}[${i}]`));
      } else if (isScalar(n) && prefix) {
        const line = n.range ? lc.linePos(n.range[0]).line : undefined;
        local[canonicalKey(prefix)] = { key: prefix, value: n.value === null ? '' : String(n.value), line, origin: 'file' };
      }
    };
    visit(doc.contents as Node, '');
    // Profile-specific documents only apply when that profile is active; we do not know it offline.
    if (local[canonicalKey('spring.config.activate.on-profile')] || local[canonicalKey('spring.profiles')]) continue;
    Object.assign(props, local);
  }
  return { file, model: { props }, errors };
}

export function parseSpringProperties(text: string, file = 'application.properties'): Parsed<SpringConfig> {
  const errors: ParseIssue[] = [];
  const props: Record<string, SpringProp> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const start = i + 1;
    let l = lines[i];
    while (/(^|[^\\])(\\\\)*\\$/.test(l) && i + 1 < lines.length) l = l.slice(0, -1) + lines[++i].trimStart();
    const t = l.trim();
    if (!t || t.startsWith('#') || t.startsWith('!')) continue;
    const m = /^((?:\\.|[^=:\s])+)\s*[=:\s]\s*(.*)$/.exec(t);
    if (!m) {
      errors.push({ file, line: start, message: `expected key=value, got "${excerpt(t)}"` });
      continue;
    }
    props[canonicalKey(m[1])] = { key: m[1], value: m[2], line: start, origin: 'file' };
  }
  return { file, model: { props }, errors };
}

/**
 * Adds the overrides Spring applies on top of files (env vars, then `--key=value` args, which win),
 * and resolves `${NAME:default}` placeholders. Secret-backed env values are passed as undefined.
 */
export function applySpringOverrides(cfg: SpringConfig, env: Record<string, string | undefined>, args: string[]): SpringConfig {
  const props: Record<string, SpringProp> = { ...cfg.props };
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || !/^[A-Z0-9_]+$/.test(name) || !/^(SPRING|SERVER|MANAGEMENT|LOGGING)_/.test(name)) continue;
    // Env names lose the dots: SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE matches a known key when both
    // are flattened; unknown ones are stored with `_` read as `.` (Spring's own fallback).
    const flatName = name.toLowerCase().replace(/_/g, '');
    const known = Object.keys(props).find((k) => flatKey(k) === flatName);
    props[known ?? canonicalKey(name.toLowerCase().replace(/_/g, '.'))] = { key: name, value, origin: `env:${name}` };
  }
  const jsonEnv = env.SPRING_APPLICATION_JSON;
  if (jsonEnv) {
    try {
      const flat = (o: unknown, p: string) => {
        if (o && typeof o === 'object') for (const [k, v] of Object.entries(o)) flat(v, p ? `${p}.${k}` : k);
        else if (p) props[canonicalKey(p)] = { key: p, value: String(o), origin: 'env:SPRING_APPLICATION_JSON' };
      };
      flat(JSON.parse(jsonEnv), '');
    } catch {
      /* not JSON: Spring would fail too; leave the file values */
    }
  }
  for (const a of args) {
    const m = /^--([^=]+)=(.*)$/.exec(a);
    if (m) props[canonicalKey(m[1])] = { key: m[1], value: m[2], origin: 'arg' };
  }
  for (const p of Object.values(props)) p.value = resolvePlaceholders(p.value, env, props);
  return { props };
}

/** `${NAME}` / `${NAME:default}`; looks in other properties first, then env; unresolved stays as is. */
export function resolvePlaceholders(v: string, env: Record<string, string | undefined>, props: Record<string, SpringProp> = {}, depth = 0): string {
  if (depth > 5 || !v.includes('${')) return v;
  return v.replace(/\$\{([^}:]+)(?::([^}]*))?\}/g, (whole, name: string, def?: string) => {
    const fromProp = props[canonicalKey(name)]?.value;
    const r = fromProp ?? env[name] ?? env[name.toUpperCase().replace(/[.-]/g, '_')] ?? def;
    return r === undefined ? whole : resolvePlaceholders(r, env, props, depth + 1);
  });
}

const flatKey = (canonical: string) => canonical.replace(/\./g, '');

export function springGet(cfg: SpringConfig, key: string): SpringProp | undefined {
  const c = canonicalKey(key);
  const direct = cfg.props[c];
  if (direct) return direct;
  const f = flatKey(c);
  for (const [k, p] of Object.entries(cfg.props)) if (flatKey(k) === f) return p;
  return undefined;
}

export function looksLikeSpring(text: string, fileName: string): boolean {
  if (/^(application|bootstrap)([-.][\w-]+)?\.(ya?ml|properties)$/.test(fileName)) return true;
  return /^\s*spring\s*:\s*$/m.test(text) || /^\s*spring\.(datasource|application|jpa)\.[\w.-]+\s*[=:]/m.test(text) || /^\s*server\.port\s*[=:]/m.test(text);
}

/** JDBC URL → parts (PostgreSQL, MySQL/MariaDB, Tibero thin, Oracle thin). */
export function parseJdbcUrl(url: string): { vendor: string; host: string; port?: number; database?: string } | undefined {
  let m = /^jdbc:(postgresql|mysql|mariadb):\/\/([^/:?,]+)(?::(\d+))?(?:\/([^?;]*))?/.exec(url);
  if (m) return { vendor: m[1] === 'mariadb' ? 'mysql' : m[1], host: m[2], port: m[3] ? Number(m[3]) : m[1] === 'postgresql' ? 5432 : 3306, database: m[4] || undefined };
  m = /^jdbc:(tibero|oracle):thin:@(?:\/\/)?([^:/]+)(?::(\d+))?[:/]([\w.$-]+)/.exec(url);
  if (m) return { vendor: m[1], host: m[2], port: m[3] ? Number(m[3]) : m[1] === 'tibero' ? 8629 : 1521, database: m[4] };
  return undefined;
}
