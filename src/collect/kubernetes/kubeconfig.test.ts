import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectLive } from './collect.js';
import { KubeAccessError } from './errors.js';
import { loadKubeConfigs, sanitizeClusterName } from './kubeconfig.js';
import { FIXTURES, TLS_CERT, TOKEN, startFakeApiServer, writeKubeconfig } from './__fixtures__/fake-apiserver.js';

const fast = { retryDelayMs: 5, timeoutMs: 5000 };
const kubeconfig = () => writeKubeconfig('http://127.0.0.1:6443');

function thrown(fn: () => unknown): KubeAccessError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(KubeAccessError);
    return e as KubeAccessError;
  }
  throw new Error('expected a KubeAccessError');
}

describe('loadKubeConfigs', () => {
  it('uses the current context by default', () => {
    const [one, ...more] = loadKubeConfigs({ kubeconfig: kubeconfig() });
    expect(more).toHaveLength(0);
    expect(one.context).toBe('kind-shop');
    expect(one.cluster).toBe('kind-shop');
    expect(one.kc.getCurrentCluster()?.server).toBe('http://127.0.0.1:6443');
  });

  it('gives one KubeConfig per --context, each on its own context, with a sanitised cluster name', () => {
    const out = loadKubeConfigs({ kubeconfig: kubeconfig(), contexts: ['kind-shop', 'prod'] });
    expect(out.map((o) => [o.context, o.cluster])).toEqual([
      ['kind-shop', 'kind-shop'],
      ['prod', 'arn:aws:eks:eu-west-1:123456789012:cluster_prod'],
    ]);
    expect(out[0].kc).not.toBe(out[1].kc);
    expect(out[1].kc.getCurrentContext()).toBe('prod');
    expect(out[0].kc.getCurrentContext()).toBe('kind-shop');
  });

  it('reads $KUBECONFIG (a path list, missing entries skipped) and ~/.kube/config', () => {
    const file = kubeconfig();
    expect(loadKubeConfigs({ env: { KUBECONFIG: ['/nonexistent/a', file].join(delimiter) } })[0].context).toBe('kind-shop');
    const home = mkdtempSync(join(tmpdir(), 'hypercas-home-'));
    mkdirSync(join(home, '.kube'));
    writeFileSync(join(home, '.kube', 'config'), readFileSync(file));
    expect(loadKubeConfigs({ env: {}, home })[0].source).toBe(join(home, '.kube', 'config'));
  });

  it('merges a $KUBECONFIG list like kubectl: first current-context and first of each name win', () => {
    const a = kubeconfig();
    const b = join(mkdtempSync(join(tmpdir(), 'hypercas-kc-')), 'other');
    writeFileSync(b, [
      'apiVersion: v1', 'kind: Config', 'current-context: staging',
      'clusters:', '- name: kind-shop', '  cluster: { server: "https://other:6443" }', '- name: staging', '  cluster: { server: "https://staging:6443" }',
      'contexts:', '- name: staging', '  context: { cluster: staging, user: u }',
      'users:', '- name: u', '  user: { token: t }', '',
    ].join('\n'));
    const out = loadKubeConfigs({ env: { KUBECONFIG: [a, b].join(delimiter) }, contexts: ['kind-shop', 'staging'] });
    expect(out.map((o) => [o.context, o.kc.getCurrentCluster()?.server])).toEqual([
      ['kind-shop', 'http://127.0.0.1:6443'],
      ['staging', 'https://staging:6443'],
    ]);
    expect(loadKubeConfigs({ env: { KUBECONFIG: [a, b].join(delimiter) } })[0].context).toBe('kind-shop');
  });

  it('a missing file is one line naming it', () => {
    const e = thrown(() => loadKubeConfigs({ kubeconfig: '/nonexistent/kubeconfig' }));
    expect(e.message).toBe('kubeconfig /nonexistent/kubeconfig: no such file');
    expect(e.reason).toBe('kubeconfig');
  });

  it('an unparsable file is one line naming it', () => {
    const file = join(FIXTURES, 'kubeconfig-broken.yaml');
    const e = thrown(() => loadKubeConfigs({ kubeconfig: file }));
    expect(e.message.startsWith(`kubeconfig ${file}: `)).toBe(true);
    expect(e.message).not.toContain('\n');
  });

  it('an unknown context is one line naming it and the ones available', () => {
    const file = kubeconfig();
    const e = thrown(() => loadKubeConfigs({ kubeconfig: file, contexts: ['staging'] }));
    expect(e.message).toBe(`kubeconfig ${file}: context "staging" not found (available: kind-shop, prod, dangling)`);
  });

  it('a context naming an unknown cluster is one line', () => {
    const file = kubeconfig();
    const e = thrown(() => loadKubeConfigs({ kubeconfig: file, contexts: ['dangling'] }));
    expect(e.message).toBe(`kubeconfig ${file}: context "dangling" refers to unknown cluster "no-such-cluster"`);
  });

  it('no kubeconfig anywhere and not in a pod is one line', () => {
    const home = mkdtempSync(join(tmpdir(), 'hypercas-home-'));
    const e = thrown(() => loadKubeConfigs({ env: {}, home }));
    expect(e.message).toMatch(/^no kubeconfig: .*\.kube\/config does not exist and \$KUBECONFIG is not set/);
  });

  it('sanitises cluster names', () => {
    expect(sanitizeClusterName('gke_proj_europe-west1_prod')).toBe('gke_proj_europe-west1_prod');
    expect(sanitizeClusterName('a/b c')).toBe('a_b_c');
  });
});

describe('TLS and in-cluster credentials against an HTTPS API server', () => {
  it('verifies the server against the kubeconfig CA and collects', async () => {
    const srv = await startFakeApiServer([], { tls: true });
    try {
      const [{ kc }] = loadKubeConfigs({ kubeconfig: srv.kubeconfig() });
      const r = await collectLive(kc, fast);
      expect(r.source).toBe(srv.url);
      expect(r.objects.length).toBeGreaterThan(10);
    } finally {
      await srv.close();
    }
  });

  it('an untrusted certificate is one line naming the URL', async () => {
    const srv = await startFakeApiServer([], { tls: true });
    try {
      const [{ kc }] = loadKubeConfigs({ kubeconfig: writeKubeconfig(srv.url) });
      const err = await collectLive(kc, fast).catch((e: unknown) => e);
      expect((err as Error).message).toBe(`cannot reach ${srv.url}: self-signed certificate`);
    } finally {
      await srv.close();
    }
  });

  it('uses the service account token and CA when asked for in-cluster, or when no kubeconfig exists in a pod', async () => {
    const srv = await startFakeApiServer([], { tls: true });
    try {
      const root = mkdtempSync(join(tmpdir(), 'hypercas-sa-'));
      const dir = join(root, 'var/run/secrets/kubernetes.io/serviceaccount');
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'token'), TOKEN);
      writeFileSync(join(dir, 'ca.crt'), readFileSync(TLS_CERT));
      writeFileSync(join(dir, 'namespace'), 'hypercas');
      const env = { KUBERNETES_SERVICE_HOST: '127.0.0.1', KUBERNETES_SERVICE_PORT: String(srv.port) };
      const [asked] = loadKubeConfigs({ inCluster: true, env, serviceAccountPrefix: root });
      expect([asked.cluster, asked.source]).toEqual(['in-cluster', 'in-cluster']);
      const r = await collectLive(asked.kc, fast);
      expect(r.cluster).toBe('in-cluster');
      expect(r.objects.some((o) => o.kind === 'Pod')).toBe(true);
      const home = mkdtempSync(join(tmpdir(), 'hypercas-home-'));
      const [auto] = loadKubeConfigs({ env, home, serviceAccountPrefix: root });
      expect(auto.source).toBe('in-cluster');
      // Without a token file: one line.
      const e = thrown(() => loadKubeConfigs({ inCluster: true, env, serviceAccountPrefix: home }));
      expect(e.message).toMatch(/^in-cluster: service account token .*token not found/);
    } finally {
      await srv.close();
    }
  });
});

describe('credentials the client cannot use', () => {
  it('an exec plugin that is not installed is one line naming the server', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'hypercas-kc-')), 'config');
    writeFileSync(file, [
      'apiVersion: v1', 'kind: Config', 'current-context: eks',
      'clusters:', '- name: eks', '  cluster: { server: "https://127.0.0.1:9", insecure-skip-tls-verify: true }',
      'contexts:', '- name: eks', '  context: { cluster: eks, user: aws }',
      'users:', '- name: aws', '  user:', '    exec:', '      apiVersion: client.authentication.k8s.io/v1beta1',
      '      command: hypercas-no-such-credential-helper', '      args: [eks, get-token]', '      interactiveMode: Never', '',
    ].join('\n'));
    const [{ kc }] = loadKubeConfigs({ kubeconfig: file });
    const err = await collectLive(kc, fast).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(KubeAccessError);
    expect((err as KubeAccessError).reason).toBe('credentials');
    expect((err as Error).message).toMatch(/^cannot set up credentials or TLS for https:\/\/127\.0\.0\.1:9: .*hypercas-no-such-credential-helper/);
    expect((err as Error).message).not.toContain('\n');
  });
});
