// Everything collected passes through here before it is stored or analysed: Secret values and
// credential-looking literals are replaced by a hash (so changes are still visible), and API noise
// that only bloats snapshots and diffs is dropped.
import { createHash } from 'node:crypto';
import type { KubeObject } from '../model/kube.js';

export const REDACTED_PREFIX = 'sha256:';

export function hashValue(v: string): string {
  return REDACTED_PREFIX + createHash('sha256').update(v).digest('hex').slice(0, 16);
}

/** Env names whose literal values are treated as credentials (`*_KEY`: STRIPE_KEY, ACCESS_KEY). */
const CREDENTIAL_NAME = /(pass(word|wd)?|pwd|secret|token|api[_-]?key|private[_-]?key|credential|auth|[_.-]key$|^key$)/i;
/** Values that are credentials whatever the name (JWTs, bearer tokens, URLs with passwords). */
const CREDENTIAL_VALUE = /^(eyJ[\w-]+\.[\w-]+\.[\w-]+|Bearer\s+\S+)$|:\/\/[^/\s:@]+:[^/\s@]+@/;

export function looksLikeCredential(name: string, value: string): boolean {
  if (!value) return false;
  if (CREDENTIAL_VALUE.test(value)) return true;
  if (!CREDENTIAL_NAME.test(name)) return false;
  // `$(VAR)` references, switches and numbers under credential-sounding names (AUTH_ENABLED=false,
  // TOKEN_TTL=3600) are settings, not secrets.
  return !/^\$\(.*\)$/.test(value) && !/^(true|false|yes|no|on|off|enabled|disabled|none|-?\d+(\.\d+)?[a-zA-Z]{0,2})$/i.test(value);
}

/** Placeholders and switches: not secrets, and config parsers need them as they are. */
const NOT_A_SECRET = /^(\$\{.*\}|\$\(.*\)|%\(.*\)s?|\*+|<[^>]*>|sha256:[0-9a-f]{16}|true|false|yes|no|on|off|enabled|disabled|none|null|~|-?\d+(\.\d+)?[a-zA-Z]{0,2})$/i;
/** Key names (config files, XML attributes/elements, `-D`/`--` options) whose values are credentials. */
const SECRET_KEY = '[\\w.\\[\\]-]*?(?:pass(?:word|wd)?|pwd|secret|token|api[_-]?key|apikey|private[_-]?key|access[_-]?key|credentials?|_key)';
/** Cheap pre-filter: a string without any of these holds nothing the patterns below would hash. */
const MAYBE_SECRET = /[@=]|pass|pwd|token|secret|key|credential|bearer|basic|authoriz|-p/i;
/** Each pattern captures (before)(secret)(after); only the secret is replaced. */
const INLINE: RegExp[] = [
  // scheme://user:password@host (JDBC, postgres://, redis://, http://)
  /(:\/\/[^/\s:@'"]+:)([^/\s@'"]+)(@)/g,
  // jdbc:oracle:thin:user/password@host
  /(jdbc:\w+:thin:[^/\s@:'"]+\/)([^@\s'"]+)(@)/gi,
  // ?password=… &token=… ;password=… in URLs and connection strings
  new RegExp('([?&;](?:' + SECRET_KEY + ')=)([^&;\\s\'"]+)()', 'gi'),
  // -Djavax.net.ssl.trustStorePassword=…, --spring.datasource.password=…, --password …
  new RegExp('((?:^|\\s|["\'])--?' + SECRET_KEY + '[= ])([^\\s"\']+)()', 'gi'),
  // `-u admin -p secret` (JEUS/Tibero/MySQL client style)
  /(\s-u\s+\S+\s+-p\s*)([^\s"'$-][^\s"']*)()/g,
  // "password": "…" inside one-line JSON
  new RegExp('(["\']' + SECRET_KEY + '["\']\\s*:\\s*["\'])([^"\']+)(["\'])', 'gi'),
  // Authorization: Bearer …, "Basic …"
  /((?:^|[\s"':=])(?:Bearer|Basic)\s+)([A-Za-z0-9._~+/-]{8,}=*)()/g,
  /((?:authorization|x-api-key|private-token)["']?\s*[:=]\s*["']?)(?!Bearer\s|Basic\s)([^\s"']{6,})()/gi,
];

/** Hashes credential sub-strings inside a free-text value (URLs, command lines, option strings), keeping the rest. */
export function redactInline(text: string): string {
  if (!MAYBE_SECRET.test(text)) return text;
  let out = text;
  for (const re of INLINE) {
    out = out.replace(re, (m: string, pre: string, secret: string, post: string) => (NOT_A_SECRET.test(secret) ? m : pre + hashValue(secret) + post));
  }
  return out;
}

const LINE_KEY_VALUE = new RegExp('^(\\s*(?:-\\s+)?["\']?' + SECRET_KEY + '["\']?\\s*[:=]\\s*)(["\']?)([^\\s"\'#][^"\'#]*?|[^"\']*?)(\\2)(,?\\s*|,?\\s+#.*)$', 'i');
/** `.properties` also separates key and value by blanks: `db.password secret`. */
const LINE_DOTTED_BLANK = new RegExp('^(\\s*[\\w-]+\\.' + SECRET_KEY + '\\s+)([^\\s=:#!][^#]*?)(\\s*)$', 'i');
const XML_ATTR = new RegExp('(\\s' + SECRET_KEY + '\\s*=\\s*)(["\'])([^"\']*)(\\2)', 'gi');
const XML_ELEMENT = /(<([\w:.-]*(?:pass(?:word|wd)?|pwd|secret|token|credential)[\w:.-]*)\s*>)([^<]*)(<\/\2\s*>)/gi;

/**
 * Hashes credential values in a product configuration file (YAML/properties/env/ini `key: value`,
 * XML attributes and elements, URLs and headers), line by line so line numbers stay true.
 * Idempotent; placeholders such as `${DB_PASSWORD}` are kept.
 */
export function redactConfigText(text: string): string {
  const lines = text.split('\n');
  let changed = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!MAYBE_SECRET.test(line)) continue;
    let l = line.replace(LINE_KEY_VALUE, (m: string, pre: string, q: string, v: string, q2: string, rest: string) =>
      !v.trim() || NOT_A_SECRET.test(v.trim()) ? m : pre + q + hashValue(v.trim()) + q2 + rest);
    l = l.replace(LINE_DOTTED_BLANK, (m: string, pre: string, v: string, rest: string) => (NOT_A_SECRET.test(v) ? m : pre + hashValue(v) + rest));
    l = l.replace(XML_ATTR, (m: string, pre: string, q: string, v: string) => (!v || NOT_A_SECRET.test(v) ? m : pre + q + hashValue(v) + q));
    l = l.replace(XML_ELEMENT, (m: string, open: string, _n: string, v: string, close: string) => (!v.trim() || NOT_A_SECRET.test(v.trim()) ? m : open + hashValue(v.trim()) + close));
    l = redactInline(l);
    if (l !== line) {
      lines[i] = l;
      changed = true;
    }
  }
  return changed ? lines.join('\n') : text;
}

/** Free-text annotations (`deployed with token abc123…`): the word after a credential noun. */
const FREE_TEXT_SECRET = /(\b(?:pass(?:word|wd)?|pwd|token|secret|api[_-]?key)(?:\s+is)?\s*[:=]?\s+)([^\s,;"'.]{8,})/gi;

const NOISY_ANNOTATIONS = ['kubectl.kubernetes.io/last-applied-configuration'];

/** `f` over the elements, copying the array only when an element changes (unchanged input is returned as is). */
function mapArray<T>(a: T[], f: (v: T, i: number) => T): T[] {
  let out: T[] | undefined;
  a.forEach((v, i) => {
    const r = f(v, i);
    if (r !== v) (out ??= [...a])[i] = r;
  });
  return out ?? a;
}

/** `f` over the values, copying the object only when a value changes. */
function mapValues<T>(o: Record<string, T>, f: (v: T, k: string) => T): Record<string, T> {
  let out: Record<string, T> | undefined;
  for (const [k, v] of Object.entries(o)) {
    const r = f(v, k);
    if (r !== v) (out ??= { ...o })[k] = r;
  }
  return out ?? o;
}

/**
 * Returns a sanitised copy-on-write version of `obj` (the input is not mutated; unchanged
 * subtrees are shared). Idempotent: sanitising twice changes nothing.
 */
export function sanitizeObject(obj: KubeObject): KubeObject {
  let out = obj;
  const clone = () => {
    if (out === obj) out = { ...obj, metadata: { ...obj.metadata } };
    return out;
  };
  const meta = obj.metadata ?? {};
  if (meta.managedFields !== undefined) delete clone().metadata.managedFields;
  if (meta.annotations && NOISY_ANNOTATIONS.some((a) => a in meta.annotations!)) {
    const ann = { ...meta.annotations };
    for (const a of NOISY_ANNOTATIONS) delete ann[a];
    clone().metadata.annotations = ann;
  }
  if (obj.kind === 'Secret' && (obj.apiVersion === 'v1' || obj.apiVersion === undefined)) {
    for (const field of ['data', 'stringData'] as const) {
      const d = obj[field] as Record<string, unknown> | undefined;
      if (d && typeof d === 'object') {
        const red: Record<string, string> = {};
        for (const [k, v] of Object.entries(d)) red[k] = typeof v === 'string' && v.startsWith(REDACTED_PREFIX) ? v : hashValue(String(v));
        clone()[field] = red;
      }
    }
  }
  if (obj.kind === 'ConfigMap' && obj.data && typeof obj.data === 'object') {
    // Product config files (application.yaml, server.xml, domain.xml, Helm values, .env) carry
    // passwords as plain text; hashed line by line so parsers and line numbers still work.
    const d = obj.data as Record<string, unknown>;
    const red = mapValues(d, (v) => (typeof v === 'string' ? redactConfigText(v) : v));
    if (red !== d) clone().data = red;
  }
  const ann = out.metadata?.annotations;
  if (ann) {
    const red = mapValues(ann, (v, k) =>
      typeof v !== 'string' || v.startsWith(REDACTED_PREFIX) ? v
      : looksLikeCredential(k.replace(/^.*\//, ''), v) ? hashValue(v)
      : redactInline(v).replace(FREE_TEXT_SECRET, (m: string, pre: string, x: string) => (NOT_A_SECRET.test(x) ? m : pre + hashValue(x))));
    if (red !== ann) clone().metadata.annotations = red;
  }
  for (const [k, v] of Object.entries(obj)) {
    if (k === 'metadata' || k === 'status' || k === 'data' || k === 'stringData' || k === 'kind' || k === 'apiVersion') continue;
    const r = sanitizeSpec(v, 0);
    if (r !== v) (clone() as Record<string, unknown>)[k] = r;
  }
  return out;
}

/** Copy-on-write walk of a spec: container env literals, args and command lines anywhere (pods, templates, CRDs). */
function sanitizeSpec(node: unknown, depth: number): unknown {
  if (depth > 14 || node === null || typeof node !== 'object') return node;
  if (Array.isArray(node)) return mapArray(node as unknown[], (v) => sanitizeSpec(v, depth + 1));
  return mapValues(node as Record<string, unknown>, (v, k) =>
    k === 'env' && Array.isArray(v) ? sanitizeEnv(v)
    : (k === 'args' || k === 'command') && Array.isArray(v) ? sanitizeArgs(v)
    : typeof v === 'string' ? sanitizeSpecString(k, v)
    : k !== 'metadata' && k !== 'status' ? sanitizeSpec(v, depth + 1)
    : v);
}

/** Credential fields of custom resources (`spec.values.auth.password`, `clientSecret`) and embedded config text (Argo CD `helm.values`). */
const SECRET_FIELD = /^(?:.*[._-])?(?:password|passwd|pwd|secret|token|api[_-]?key|private[_-]?key|access[_-]?key|secret[_-]?key|client[_-]?secret|[a-z]+(?:Password|Secret|Token|ApiKey|PrivateKey|SecretKey))$/i;

function sanitizeSpecString(key: string, v: string): string {
  if (v.startsWith(REDACTED_PREFIX)) return v;
  // `existingSecret: db-creds` names a Secret, it is not one.
  if (v && SECRET_FIELD.test(key) && !/^existing/i.test(key) && !NOT_A_SECRET.test(v)) return hashValue(v);
  return v.includes('\n') ? redactConfigText(v) : redactInline(v);
}

function sanitizeEnv(env: unknown[]): unknown[] {
  return mapArray(env, (e) => {
    const x = e as Record<string, unknown> | null;
    if (!x || typeof x !== 'object' || typeof x.value !== 'string' || x.value.startsWith(REDACTED_PREFIX)) return e;
    const v = x.value;
    const inline = redactInline(v);
    // A URL whose secret is its password keeps host and database visible (relations are built from it).
    const url = /^[\w:+.-]+:\/\/|^jdbc:/i.test(v);
    const r = url && (inline !== v || v.includes(REDACTED_PREFIX)) ? inline : looksLikeCredential(String(x.name ?? ''), v) ? hashValue(v) : inline;
    return r !== v ? { ...x, value: r } : e;
  });
}

/** `--password`, `-p`, `--token` … whose value is the next element. */
const SECRET_FLAG = /^--?(pass(word|wd)?|pwd|p|token|secret|api-?key)$/i;

function sanitizeArgs(args: unknown[]): unknown[] {
  return mapArray(args, (a, i) => {
    if (typeof a !== 'string' || a.startsWith(REDACTED_PREFIX)) return a;
    const prev = args[i - 1];
    return typeof prev === 'string' && SECRET_FLAG.test(prev) && !NOT_A_SECRET.test(a) && !/^[\d:.]+$/.test(a) ? hashValue(a) : redactInline(a);
  });
}

/** redactInline over every string in a JSON-like value (event data, evidence); copy-on-write. */
export function redactStrings<T>(v: T, depth = 0): T {
  if (typeof v === 'string') return redactInline(v) as T;
  if (depth > 16 || v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return mapArray(v as unknown[], (x) => redactStrings(x, depth + 1)) as T;
  return mapValues(v as Record<string, unknown>, (x) => redactStrings(x, depth + 1)) as T;
}

/**
 * Text a server sent back (an error page, a JSON error), made safe to print: any header value we
 * sent it (a proxy may reflect Authorization, an API key, a token) is blanked, with the token part
 * of `Bearer x`/`Basic x`, then credentials in URLs and `key=value` forms are hashed.
 */
export function scrubEcho(text: string, sentHeaders: Record<string, string> = {}): string {
  let out = text;
  const secrets = new Set<string>();
  for (const [k, v] of Object.entries(sentHeaders)) {
    if (!v || /^(accept|content-type)$/i.test(k)) continue;
    secrets.add(v);
    const m = /^(?:Bearer|Basic|ApiKey|Token)\s+(.+)$/i.exec(v);
    if (m) secrets.add(m[1]);
  }
  // Longest first, so a header value is blanked before the token inside it.
  for (const v of [...secrets].sort((a, b) => b.length - a.length)) if (v.length >= 4) out = out.split(v).join('<redacted>');
  return redactInline(out);
}

/** A URL for messages: no user info, and credential-looking query parameters hashed. */
export function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    return redactInline(u.toString());
  } catch {
    return redactInline(url);
  }
}
