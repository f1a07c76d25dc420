import type { CheckMeta } from '../../check.js';
import { perContainer } from '../../util/make.js';
import { deployment, goodContainer, yamlDocs } from '../../util/examples.js';
import { looksLikeCredential, REDACTED_PREFIX } from '../../../collect/sanitize.js';

const meta: CheckMeta = {
  id: 'sensitive-env-var',
  title: 'Credential as a literal environment value',
  category: 'security',
  severity: 'critical',
  aliases: ['polaris:sensitiveContainerEnvVar', 'kube-linter:env-var-secret'],
  needs: [],
  docs: {
    why: 'A password or token written into the manifest is readable by anyone who can read the workload (and lives in Git history). HyperCAS never prints the value; it was replaced by a hash when collected.',
    fix: 'Move the value to a Secret and reference it with `valueFrom.secretKeyRef`; rotate the exposed credential.',
  },
  examples: {
    fail: yamlDocs(deployment('web', {}, { containers: [goodContainer({ env: [{ name: 'DB_PASSWORD', value: 'hunter2' }] })] })),
    pass: yamlDocs(deployment('web', {}, { containers: [goodContainer({ env: [{ name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } }, { name: 'PASSWORD_FILE', value: '' }] })] })),
  },
};

/**
 * Names whose *last* word is a credential noun. Stricter than the collector's redaction rule on purpose:
 * redaction errs towards hiding (GF_AUTH_BASIC_ENABLED=false gets hashed too), a finding must not.
 */
const CREDENTIAL_NAME = /(^|[_.-])(PASS(WORD|WD)?|PWD|SECRET(_?KEY)?|TOKEN|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CREDENTIALS?|AUTH_?TOKEN)$/i;
const NOT_A_VALUE = /^(true|false|yes|no|on|off|\d{1,5})$/i;

export const check = perContainer(meta, ({ c }) => {
  const bad = (Array.isArray(c.env) ? c.env : []).filter((e: { name?: string; value?: unknown }) => {
    if (typeof e?.value !== 'string' || e.value === '' || /^\$\(.*\)$/.test(e.value) || NOT_A_VALUE.test(e.value)) return false;
    const name = String(e.name ?? '');
    // A redacted value was a literal; whether it was a credential, the (strict) name decides.
    if (e.value.startsWith(REDACTED_PREFIX)) return CREDENTIAL_NAME.test(name);
    return CREDENTIAL_NAME.test(name) || (looksLikeCredential(name, e.value) && !/ENABLED|DISABLED|_ROLE$|_MODE$|_TYPE$|_URL$|_FILE$|_PATH$/i.test(name));
  });
  // Names only, never values.
  return bad.length ? { message: `container ${c.name} sets ${bad.map((e: { name: string }) => e.name).join(', ')} to a literal value`, evidence: { env: bad.map((e: { name: string }) => e.name) } } : undefined;
}, { init: true });
