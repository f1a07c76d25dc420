// Applied to every object as it arrives, before anything else sees it: Secret values and
// credential-looking env values become `sha256:<hex>` (changes stay detectable, values never
// leave this module), and server-side noise that may embed secrets (managedFields,
// last-applied-configuration) is dropped.
import { createHash } from 'node:crypto';
import type { KubeObject } from '../../model/kube.js';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** Env var names whose literal values we treat as credentials. */
export const CREDENTIAL_NAME = /(pass(word|wd)?|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|credential)/i;

const HASHED = /^sha256:[0-9a-f]{64}$/;

/** `sha256:<hex>` of the bytes. Secret `data` is hashed decoded, so it equals the hash of the same `stringData`. */
export function hashValue(bytes: Buffer | string): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

function hashBase64(value: string): string {
  // Buffer.from ignores invalid characters; a value that does not round-trip is hashed as text.
  const buf = Buffer.from(value, 'base64');
  return buf.toString('base64').replace(/=+$/, '') === value.replace(/\s+/g, '').replace(/=+$/, '') ? hashValue(buf) : hashValue(value);
}

function hashMap(map: unknown, decode: boolean): void {
  if (!map || typeof map !== 'object') return;
  const m = map as Record<string, unknown>;
  for (const [k, v] of Object.entries(m)) {
    if (typeof v === 'string' && HASHED.test(v)) continue; // already redacted (idempotent)
    m[k] = typeof v === 'string' ? (decode ? hashBase64(v) : hashValue(v)) : hashValue(JSON.stringify(v ?? null));
  }
}

/** Replace every Secret value by its hash, in place; keeps the keys. */
export function redactSecret(obj: KubeObject): void {
  if (obj.kind !== 'Secret') return;
  hashMap(obj.data, true);
  hashMap(obj.stringData, false);
}

/**
 * Replace literal `value`s of credential-named env vars anywhere in the object (pods, pod templates
 * of workloads and of custom resources alike), in place. `valueFrom` references are kept.
 */
export function redactEnvCredentials(node: unknown, depth = 0): void {
  if (!node || typeof node !== 'object' || depth > 40) return;
  if (Array.isArray(node)) {
    for (const n of node) redactEnvCredentials(n, depth + 1);
    return;
  }
  const o = node as Record<string, unknown>;
  for (const [k, v] of Object.entries(o)) {
    if (k === 'env' && Array.isArray(v)) {
      for (const e of v) {
        if (e && typeof e === 'object') {
          const ev = e as { name?: unknown; value?: unknown };
          if (typeof ev.name === 'string' && typeof ev.value === 'string' && ev.value !== '' && CREDENTIAL_NAME.test(ev.name) && !HASHED.test(ev.value)) {
            ev.value = hashValue(ev.value);
          }
        }
      }
    } else if (v && typeof v === 'object') {
      redactEnvCredentials(v, depth + 1);
    }
  }
}

/** Drop managedFields and the last-applied annotation (noise; the latter may carry Secret data). */
export function stripNoise(obj: KubeObject): void {
  const md = obj.metadata;
  if (!md) return;
  delete md.managedFields;
  if (md.annotations && LAST_APPLIED in md.annotations) {
    delete md.annotations[LAST_APPLIED];
    if (Object.keys(md.annotations).length === 0) delete md.annotations;
  }
}

/** Everything above, in place; returns the object for chaining. */
export function sanitizeObject(obj: KubeObject): KubeObject {
  stripNoise(obj);
  redactSecret(obj);
  redactEnvCredentials(obj.spec);
  return obj;
}
