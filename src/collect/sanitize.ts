// Everything collected passes through here before it is stored or analysed: Secret values and
// credential-looking literals are replaced by a hash (so changes are still visible), and API noise
// that only bloats snapshots and diffs is dropped.
import { createHash } from 'node:crypto';
import type { KubeObject } from '../model/kube.js';

export const REDACTED_PREFIX = 'sha256:';

export function hashValue(v: string): string {
  return REDACTED_PREFIX + createHash('sha256').update(v).digest('hex').slice(0, 16);
}

/** Env names whose literal values are treated as credentials. */
const CREDENTIAL_NAME = /(pass(word|wd)?|pwd|secret|token|api[_-]?key|private[_-]?key|credential|auth)/i;
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

const NOISY_ANNOTATIONS = ['kubectl.kubernetes.io/last-applied-configuration'];

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
  sanitizeContainersIn(obj, clone);
  return out;
}

/** Finds container lists anywhere (pods, templates, CRDs) and hashes credential-looking env values. */
function sanitizeContainersIn(obj: KubeObject, clone: () => KubeObject): void {
  const paths: string[][] = [];
  findEnvPaths(obj, [], paths, 0);
  for (const path of paths) {
    // Copy along the path, then replace the env array.
    const root = clone() as Record<string, unknown>;
    let node: Record<string, unknown> = root;
    for (let i = 0; i < path.length - 1; i++) {
      const key = path[i];
      const child = node[key] as Record<string, unknown> | unknown[];
      const copy = Array.isArray(child) ? [...child] : { ...child };
      node[key] = copy;
      node = copy as Record<string, unknown>;
    }
    const last = path[path.length - 1];
    const env = node[last] as Array<Record<string, unknown>>;
    node[last] = env.map((e) =>
      typeof e?.value === 'string' && typeof e.name === 'string' && !e.value.startsWith(REDACTED_PREFIX) && looksLikeCredential(e.name, e.value)
        ? { ...e, value: hashValue(e.value) }
        : e,
    );
  }
}

function findEnvPaths(node: unknown, path: string[], out: string[][], depth: number): void {
  if (depth > 12 || node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    node.forEach((v, i) => findEnvPaths(v, [...path, String(i)], out, depth + 1));
    return;
  }
  const o = node as Record<string, unknown>;
  for (const [k, v] of Object.entries(o)) {
    if (k === 'env' && Array.isArray(v) && v.some((e) => e && typeof e === 'object' && typeof (e as Record<string, unknown>).value === 'string' && looksLikeCredential(String((e as Record<string, unknown>).name ?? ''), String((e as Record<string, unknown>).value)))) {
      out.push([...path, k]);
    } else if (k !== 'metadata' && k !== 'status' && v && typeof v === 'object') {
      findEnvPaths(v, [...path, k], out, depth + 1);
    }
  }
}
