import { describe, it, expect } from 'vitest';
import { sanitizeObject, looksLikeCredential } from './sanitize.js';
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

  it('tells credentials from ordinary values', () => {
    expect(looksLikeCredential('X', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc')).toBe(true);
    expect(looksLikeCredential('ENDPOINT', 'https://user:pw@example.com')).toBe(true);
    expect(looksLikeCredential('REPLICAS', '3')).toBe(false);
    expect(looksLikeCredential('GF_AUTH_BASIC_ENABLED', 'false')).toBe(false);
    expect(looksLikeCredential('TOKEN_TTL', '3600s')).toBe(false);
    expect(looksLikeCredential('ADMIN_PASSWORD', 'changeme')).toBe(true);
  });
});
