import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../model/kube.js';
import { LAST_APPLIED, sanitizeObject } from './sanitize.js';

const sha = (s: string) => `sha256:${createHash('sha256').update(s).digest('hex')}`;

describe('sanitizeObject', () => {
  it('hashes Secret data (decoded) and stringData so equal values give equal hashes, keeping keys', () => {
    const s: KubeObject = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'db', namespace: 'shop' },
      data: { password: Buffer.from('pw-1').toString('base64'), empty: '' },
      stringData: { password: 'pw-1' },
    };
    sanitizeObject(s);
    expect(s.data).toEqual({ password: sha('pw-1'), empty: sha('') });
    expect(s.stringData).toEqual({ password: sha('pw-1') });
    // Idempotent: a second pass does not re-hash.
    sanitizeObject(s);
    expect((s.data as Record<string, string>).password).toBe(sha('pw-1'));
  });

  it('leaves ConfigMap data alone', () => {
    const cm: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: 'b' } };
    sanitizeObject(cm);
    expect(cm.data).toEqual({ a: 'b' });
  });

  it('hashes literal credential-named env values in pods and any pod template, keeping valueFrom and others', () => {
    const cronJob: KubeObject = {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'backup' },
      spec: {
        jobTemplate: {
          spec: {
            template: {
              spec: {
                initContainers: [{ name: 'i', env: [{ name: 'AWS_SECRET_ACCESS_KEY', value: 'abc' }] }],
                containers: [
                  {
                    name: 'c',
                    env: [
                      { name: 'PGPASSWORD', value: 'pw' },
                      { name: 'GITHUB_TOKEN', value: 'tok' },
                      { name: 'LOG_LEVEL', value: 'debug' },
                      { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } },
                    ],
                  },
                ],
              },
            },
          },
        },
      },
    };
    sanitizeObject(cronJob);
    const spec = cronJob.spec!.jobTemplate.spec.template.spec;
    expect(spec.initContainers[0].env[0].value).toBe(sha('abc'));
    expect(spec.containers[0].env).toEqual([
      { name: 'PGPASSWORD', value: sha('pw') },
      { name: 'GITHUB_TOKEN', value: sha('tok') },
      { name: 'LOG_LEVEL', value: 'debug' },
      { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } },
    ]);
  });

  it('drops managedFields and the last-applied annotation, keeping other annotations', () => {
    const o: KubeObject = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 's', managedFields: [{ manager: 'kubectl' }], annotations: { [LAST_APPLIED]: '{}', keep: 'me' } },
    };
    sanitizeObject(o);
    expect(o.metadata).toEqual({ name: 's', annotations: { keep: 'me' } });
  });
});
