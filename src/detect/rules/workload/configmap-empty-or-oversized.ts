// k8sgpt's ConfigMap analyzer rows: an empty ConfigMap (info) and one over the API server's 1 MiB
// limit (critical: the apply is rejected), with a warning when it is close to that limit.
import type { CheckMeta } from '../../check.js';
import { perObject } from '../../util/make.js';
import { formatBytes } from '../../util/quantity.js';
import { obj, yamlDocs } from '../../util/examples.js';

/** The API server rejects a ConfigMap whose keys + values exceed 1 MiB (core validation, MaxSecretSize). */
export const LIMIT = 1024 * 1024;
/** Warn from this size: one more line of config and the next apply fails. */
export const NEAR = Math.floor(LIMIT * 0.9);

const meta: CheckMeta = {
  id: 'configmap-empty-or-oversized',
  title: 'ConfigMap empty or over the 1 MiB limit',
  category: 'workload',
  severity: 'warning',
  aliases: ['k8sgpt:ConfigMap'],
  needs: [],
  docs: {
    why: 'The API server rejects a ConfigMap whose data (keys plus values, binaryData decoded) exceeds 1 MiB, so a growing config file (dashboards, rule files, bundles) suddenly breaks the deploy: critical above the limit, warning above 90% of it. An empty ConfigMap is usually a templating mistake (a values key that rendered to nothing): info. Leader-election ConfigMaps, which carry their state in annotations, are left out.',
    fix: 'Split a large ConfigMap into several (or ship the content in the image / a volume); fill or delete an empty one.',
  },
  examples: {
    fail: yamlDocs(obj('v1', 'ConfigMap', 'dashboards', { data: { 'all.json': 'x'.repeat(LIMIT + 10) } }), obj('v1', 'ConfigMap', 'settings', { data: {} })),
    pass: yamlDocs(obj('v1', 'ConfigMap', 'settings', { data: { 'app.properties': 'server.port=8080\n' } })),
  },
};

/** Size as the API server counts it: UTF-8 bytes of keys and values; binaryData values are base64 in JSON. */
export function configMapSize(o: Record<string, unknown>): number {
  let n = 0;
  for (const [k, v] of Object.entries((o.data ?? {}) as Record<string, unknown>)) n += Buffer.byteLength(k) + Buffer.byteLength(typeof v === 'string' ? v : String(v ?? ''));
  for (const [k, v] of Object.entries((o.binaryData ?? {}) as Record<string, unknown>)) {
    const b64 = typeof v === 'string' ? v.replace(/\s+/g, '') : '';
    n += Buffer.byteLength(k) + Math.floor((b64.length * 3) / 4) - (b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0);
  }
  return n;
}

export const check = perObject(meta, ['ConfigMap'], (cm) => {
  const dataMap = (cm.obj.data && typeof cm.obj.data === 'object' ? cm.obj.data : {}) as Record<string, unknown>;
  const binMap = (cm.obj.binaryData && typeof cm.obj.binaryData === 'object' ? cm.obj.binaryData : {}) as Record<string, unknown>;
  const data = Object.keys(dataMap);
  const bin = Object.keys(binMap);
  if (!data.length && !bin.length) {
    // Leader election / controller state lives in annotations of a data-less ConfigMap.
    if (Object.keys(cm.ci.annotations).some((a) => a === 'control-plane.alpha.kubernetes.io/leader')) return undefined;
    return { severity: 'info', message: `ConfigMap ${cm.ci.name} has no data`, evidence: { keys: 0 } };
  }
  const size = configMapSize(cm.obj as Record<string, unknown>);
  const biggest = [...data.map((k) => [k, Buffer.byteLength(String(dataMap[k] ?? ''))] as const), ...bin.map((k) => [k, Math.floor((String(binMap[k] ?? '').length * 3) / 4)] as const)]
    .sort((a, b) => b[1] - a[1]).slice(0, 3).map(([k, v]) => `${k} (${formatBytes(v)})`);
  const evidence = { bytes: size, limit: LIMIT, largestKeys: biggest };
  if (size > LIMIT) return { severity: 'critical', message: `ConfigMap ${cm.ci.name} holds ${formatBytes(size)}, over the 1 MiB the API server accepts (largest: ${biggest.join(', ')})`, evidence };
  if (size > NEAR) return { severity: 'warning', message: `ConfigMap ${cm.ci.name} holds ${formatBytes(size)}, ${Math.round((size / LIMIT) * 100)}% of the 1 MiB limit (largest: ${biggest.join(', ')})`, evidence };
  return undefined;
});
