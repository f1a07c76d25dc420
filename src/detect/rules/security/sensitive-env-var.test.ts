import { describe, expect, it } from 'vitest';
import { check } from './sensitive-env-var.js';
import { describeExamples, runCheck } from '../../testing.js';
import { deployment, goodContainer, yamlDocs } from '../../util/examples.js';

describeExamples(check);

const withEnv = (env: unknown[]) => yamlDocs(deployment('web', {}, { containers: [goodContainer({ env })] }));

describe('sensitive-env-var', () => {
  it('does not flag switches whose name merely mentions auth (grafana)', () => {
    expect(runCheck(check, withEnv([{ name: 'GF_AUTH_BASIC_ENABLED', value: 'false' }, { name: 'GF_AUTH_ANONYMOUS_ORG_ROLE', value: 'Admin' }, { name: 'PASSWORD_FILE', value: '/run/secrets/pw' }]))).toEqual([]);
  });
  it('flags literal passwords and tokens but never prints them', () => {
    const f = runCheck(check, withEnv([{ name: 'MYSQL_ROOT_PASSWORD', value: 'fake_password' }, { name: 'API_TOKEN', value: 'abc123def' }]));
    expect(f).toHaveLength(1);
    expect(f[0].evidence.env).toEqual(['MYSQL_ROOT_PASSWORD', 'API_TOKEN']);
    expect(JSON.stringify(f)).not.toMatch(/fake_password|abc123def/);
  });
});
