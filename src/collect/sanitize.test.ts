import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { sanitizeObject, looksLikeCredential, redactConfigText, redactInline, scrubEcho, safeUrl } from './sanitize.js';
import type { KubeObject } from '../model/kube.js';

describe('sanitizeObject', () => {
  it('replaces Secret values by hashes, keeps keys, and does not mutate the input', () => {
    const s: KubeObject = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { password: 'aHVudGVyMg==' }, stringData: { token: 'abc' } };
    const out = sanitizeObject(s);
    expect(Object.keys(out.data as object)).toEqual(['password']);
    expect(JSON.stringify(out)).not.toMatch(/aHVudGVyMg|"abc"/);
    expect((out.data as Record<string, string>).password).toMatch(/^sha256:[0-9a-f]{16}$/);
    expect((s.data as Record<string, string>).password).toBe('aHVudGVyMg==');
    expect(sanitizeObject(out)).toEqual(out); // idempotent
  });

  it('hashes credential-looking env literals in any pod template, keeps ordinary ones', () => {
    const d: KubeObject = {
      apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', metadata: { name: 'r' },
      spec: { template: { spec: { containers: [{ name: 'c', image: 'i', env: [
        { name: 'DB_PASSWORD', value: 'hunter2' }, { name: 'API_TOKEN', value: 'x' }, { name: 'LOG_LEVEL', value: 'debug' },
        { name: 'DATABASE_URL', value: 'postgres://app:s3cret@db:5432/app' }, { name: 'PASSWORD_FILE_REF', value: '$(OTHER)' },
      ] }] } } },
    };
    const out = JSON.stringify(sanitizeObject(d));
    expect(out).not.toMatch(/hunter2|s3cret|"x"/);
    expect(out).toMatch(/"debug"/);
    expect(out).toMatch(/\$\(OTHER\)/);
    expect(JSON.stringify(d)).toMatch(/hunter2/);
  });

  it('drops managedFields and the last-applied annotation', () => {
    const o: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', managedFields: [{}], annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{"data":{"pw":"x"}}', keep: 'y' } } };
    const out = sanitizeObject(o);
    expect(out.metadata.managedFields).toBeUndefined();
    expect(out.metadata.annotations).toEqual({ keep: 'y' });
  });

  it('hashes credential-looking annotations and secrets in free-text ones, keeps the rest', () => {
    const o: KubeObject = { apiVersion: 'v1', kind: 'Service', metadata: { name: 's', annotations: { 'x.io/api-token': 'CANARY-s3cr3t-a', note: 'deployed with token CANARY-s3cr3t-b by ci', 'hypercas.io/ignore': 'pdb-missing', doc: 'the token expires daily' } } };
    const ann = sanitizeObject(o).metadata.annotations!;
    expect(JSON.stringify(ann)).not.toMatch(CANARY);
    expect(ann.note).toMatch(/^deployed with token sha256:[0-9a-f]{16} by ci$/);
    expect(ann['hypercas.io/ignore']).toBe('pdb-missing');
    expect(ann.doc).toBe('the token expires daily');
  });

  it('tells credentials from ordinary values', () => {
    expect(looksLikeCredential('X', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc')).toBe(true);
    expect(looksLikeCredential('ENDPOINT', 'https://user:pw@example.com')).toBe(true);
    expect(looksLikeCredential('REPLICAS', '3')).toBe(false);
    expect(looksLikeCredential('GF_AUTH_BASIC_ENABLED', 'false')).toBe(false);
    expect(looksLikeCredential('TOKEN_TTL', '3600s')).toBe(false);
    expect(looksLikeCredential('ADMIN_PASSWORD', 'changeme')).toBe(true);
    expect(looksLikeCredential('STRIPE_KEY', 'sk_live_x')).toBe(true);
    expect(looksLikeCredential('CACHE_KEY_PREFIX', 'shop')).toBe(false);
  });
});

// Every planted CANARY-s3cr3t-… value must be gone after sanitising; the rest must survive.
const CANARY = /CANARY-s3cr3t|Q0FOQVJZLXMzY3IzdC1iNjRkYXRh/;
const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`./middleware/__fixtures__/canary/${name}`, import.meta.url)), 'utf8');

describe('redactConfigText', () => {
  it('hashes passwords in product config files and keeps placeholders, other keys and line numbers', () => {
    const text = [
      'spring:', '  datasource:', '    password: CANARY-s3cr3t-a   # comment', '    username: shop', '    token: ${API_TOKEN}',
      'spring.datasource.password=CANARY-s3cr3t-b', 'db.password CANARY-s3cr3t-c', 'TB_SYS_PASSWORD=CANARY-s3cr3t-d',
      '<Connector port="8443" keystorePass="CANARY-s3cr3t-e" maxThreads="150"/>', '<Resource username="shop" password="CANARY-s3cr3t-f" url="jdbc:postgresql://db:5432/x"/>',
      '<password>CANARY-s3cr3t-g</password>', '  proxy_set_header Authorization "Basic CANARY-s3cr3t-h";',
      '{"db": {"host": "pg", "password": "CANARY-s3cr3t-i"}}', '  "apiKey": "CANARY-s3cr3t-j",', 'url=jdbc:postgresql://db:5432/x?user=u&password=CANARY-s3cr3t-k',
      '    postgresPassword: "CANARY-s3cr3t-l"', 'password: ""', 'password:', 'pass#word: x',
    ].join('\n');
    const out = redactConfigText(text);
    expect(out).not.toMatch(CANARY);
    expect(out.split('\n')).toHaveLength(text.split('\n').length);
    for (const keep of ['${API_TOKEN}', 'username: shop', 'port="8443"', 'maxThreads="150"', 'jdbc:postgresql://db:5432/x', '"host": "pg"', '# comment', 'password: ""']) expect(out).toContain(keep);
    expect(out).toMatch(/spring\.datasource\.password=sha256:[0-9a-f]{16}\n/);
    expect(redactConfigText(out)).toBe(out); // idempotent
    expect(redactConfigText('server:\n  port: 8080\n')).toBe('server:\n  port: 8080\n');
  });

  it('hashes only the secret part of URLs, command lines and headers', () => {
    const out = redactInline('jdbc:oracle:thin:scott/CANARY-s3cr3t-a@db:1521/x postgres://u:CANARY-s3cr3t-b@h/d -Dx.trustStorePassword=CANARY-s3cr3t-c --password=CANARY-s3cr3t-d sh -u admin -p CANARY-s3cr3t-e Authorization: Bearer CANARY-s3cr3t-f');
    expect(out).not.toMatch(CANARY);
    expect(out).toContain('@db:1521/x');
    expect(out).toContain('@h/d');
    expect(redactInline('-u admin -p "$JEUS_ADMIN_PASSWORD"')).toBe('-u admin -p "$JEUS_ADMIN_PASSWORD"');
  });
});

describe('sanitizeObject on planted secrets', () => {
  const objs = (parseAllDocuments(fixture('k8s.yaml')).map((d) => d.toJS()) as KubeObject[]).filter(Boolean);

  it('leaves no Secret value, env literal, argument, annotation or config-file password in any object', () => {
    const out = objs.map(sanitizeObject);
    expect(JSON.stringify(objs)).toMatch(CANARY); // the fixture does plant them
    for (const o of out) expect(JSON.stringify(o), `${o.kind}/${o.metadata.name}`).not.toMatch(CANARY);
    expect(out.map(sanitizeObject)).toEqual(out); // idempotent
  });

  it('keeps what relations and checks read: hosts in URLs, ports, placeholders, key names', () => {
    const w = sanitizeObject(objs.find((o) => o.metadata.name === 'worker')!);
    const c = (w.spec as any).template.spec.containers[0];
    const env = Object.fromEntries(c.env.map((e: { name: string; value: string }) => [e.name, e.value]));
    expect(env.SPRING_DATASOURCE_URL).toMatch(/^jdbc:postgresql:\/\/postgres\.shop-oss\.svc\.cluster\.local:5432\/shop\?user=shop&password=sha256:/);
    expect(env.DATABASE_URL).toMatch(/^postgres:\/\/user:sha256:[0-9a-f]{16}@postgres\.shop-oss/);
    expect(env.STRIPE_KEY).toMatch(/^sha256:/);
    expect(env.JAVA_OPTS).toMatch(/-Xmx512m$/);
    expect(c.args.slice(2, 4)).toEqual(['-p', '8080']);
    const cm = sanitizeObject(objs.find((o) => o.metadata.name === 'worker-config')!);
    expect((cm.data as Record<string, string>)['application.properties']).toContain('spring.datasource.username=shop\n');
    // A file given with -f is redacted the same way, so it still matches the ConfigMap holding it.
    expect(redactConfigText(fixture('application.properties'))).toBe((cm.data as Record<string, string>)['application.properties']);
  });
});

describe('sanitizeObject on custom resources', () => {
  it('hashes credential fields and embedded values text (Flux HelmRelease, Argo CD Application), keeps Kubernetes fields', () => {
    const hr: KubeObject = { apiVersion: 'helm.toolkit.fluxcd.io/v2', kind: 'HelmRelease', metadata: { name: 'pg' }, spec: { values: { auth: { username: 'shop', password: 'CANARY-s3cr3t-hr', existingSecret: 'db-creds' }, oidc: { clientSecret: 'CANARY-s3cr3t-oidc' } } } };
    const app: KubeObject = { apiVersion: 'argoproj.io/v1alpha1', kind: 'Application', metadata: { name: 'a' }, spec: { source: { helm: { values: 'db:\n  password: CANARY-s3cr3t-argo\n  host: pg\n' } } } };
    const pod: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { automountServiceAccountToken: false, volumes: [{ name: 'v', secret: { secretName: 'db' } }], containers: [{ name: 'c', image: 'i' }] } };
    const out = JSON.stringify([hr, app].map(sanitizeObject));
    expect(out).not.toMatch(CANARY);
    expect(out).toContain('"username":"shop"');
    expect(out).toContain('host: pg');
    expect(out).toContain('"existingSecret":"db-creds"');
    expect(sanitizeObject(pod)).toBe(pod); // nothing to hide: the very same object
  });
});

describe('scrubEcho / safeUrl (messages built from what a server sent back)', () => {
  it('blanks header values we sent, the token inside Bearer/Basic, and credentials in URLs', () => {
    const sent = { authorization: 'Bearer CANARY-tok-1', 'x-api-key': 'CANARY-key-2', accept: 'application/json' };
    const out = scrubEcho('echo: Bearer CANARY-tok-1; key CANARY-key-2; token CANARY-tok-1 via http://u:CANARY-pw-3@h/ (application/json)', sent);
    expect(out).not.toMatch(/CANARY/);
    expect(out).toContain('application/json'); // not a credential: kept
    expect(safeUrl('http://alice:CANARY-pw@prom:9090/api?token=CANARY-t0k3n&x=1')).not.toMatch(/CANARY|alice/);
    expect(safeUrl('http://prom:9090/api/v1/query_range')).toBe('http://prom:9090/api/v1/query_range');
  });
});
