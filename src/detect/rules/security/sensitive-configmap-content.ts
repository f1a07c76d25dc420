// sensitive-configmap-content: Credential-looking key in a ConfigMap.
import type { CheckMeta } from '../../check.js';
import { perObject } from '../../util/make.js';
import { obj, yamlDocs } from '../../util/examples.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
const SECRET_KEY = /(^|[_.-])(pass(word|wd)?|pwd|secret|token|api[_-]?key|private[_-]?key|credentials?)$/i;

export const check = perObject({
  id: 'sensitive-configmap-content', title: 'Credential-looking key in a ConfigMap', category: 'security', severity: 'warning', aliases: ['polaris:sensitiveConfigmapContent'], needs: [],
  docs: { why: 'ConfigMaps are not Secrets: readable by anyone with view access, not encrypted at rest, logged by tools. Values are never printed here.', fix: 'Move the value to a Secret and reference it (secretKeyRef / secret volume).' },
  examples: { fail: yamlDocs(obj('v1', 'ConfigMap', 'app', { data: { DB_PASSWORD: 'hunter2', LOG_LEVEL: 'info' } })), pass: yamlDocs(obj('v1', 'ConfigMap', 'app', { data: { LOG_LEVEL: 'info', 'application.yaml': 'password: ${DB_PASSWORD}' } })) },
} satisfies CheckMeta, ['ConfigMap'], (cm) => {
  const keys = Object.entries((cm.obj as any).data ?? {}).filter(([k, v]) => SECRET_KEY.test(k) && typeof v === 'string' && v.length > 0 && !/^\$\{.*\}$/.test(v)).map(([k]) => k);
  return keys.length ? { message: `ConfigMap ${cm.ci.name} has credential-looking keys: ${keys.join(', ')}`, evidence: { keys } } : undefined;
});
