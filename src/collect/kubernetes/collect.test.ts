import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectLive, type LiveCollection } from './collect.js';
import { loadKubeConfigs } from './kubeconfig.js';
import { KubeAccessError } from './errors.js';
import {
  AGGREGATED_DISCOVERY,
  FIXTURES,
  loadRoutes,
  startFakeApiServer,
  writeKubeconfig,
  type FakeApiServer,
  type Route,
} from './__fixtures__/fake-apiserver.js';

const fast = { retryDelayMs: 5, timeoutMs: 5000 };

describe.each([
  ['legacy discovery (one request per group)', [] as Route[]],
  ['aggregated discovery (apidiscovery.k8s.io/v2)', AGGREGATED_DISCOVERY],
])('collectLive against a replayed API server, %s', (mode, discoveryRoutes) => {
  let srv: FakeApiServer;
  let result: LiveCollection;

  beforeAll(async () => {
    srv = await startFakeApiServer(discoveryRoutes);
    const [{ kc, cluster }] = loadKubeConfigs({ kubeconfig: srv.kubeconfig() });
    result = await collectLive(kc, { ...fast, cluster, pageSize: 2 });
  });
  afterAll(() => srv.close());

  const names = (kind: string) => result.objects.filter((o) => o.kind === kind).map((o) => `${o.metadata.namespace ?? ''}/${o.metadata.name}`);

  it('reports cluster, server and version', () => {
    expect(result.cluster).toBe('kind-shop');
    expect(result.source).toBe(srv.url);
    expect(result.serverVersion).toBe('v1.31.2');
  });

  it('follows continue tokens across pages, passing the token and the limit', () => {
    expect(names('Pod')).toEqual([
      'kube-system/kube-proxy-6xw2v',
      'shop/cart-7d9f8b6c5-qz8lm',
      'shop/cart-7d9f8b6c5-x2k4p',
      'shop/storefront-5c8d7b9f4-m7wq2',
    ]);
    const podReqs = srv.requests.filter((r) => r.path === '/api/v1/pods');
    const token = loadRoutes().find((r) => r.path === '/api/v1/pods' && r.continue)!.continue;
    expect(podReqs.map((r) => r.query)).toEqual([{ limit: '2' }, { limit: '2', continue: token }]);
  });

  it('fills apiVersion and kind on list items (the API omits them)', () => {
    const pod = result.objects.find((o) => o.metadata.name === 'cart-7d9f8b6c5-qz8lm')!;
    expect([pod.apiVersion, pod.kind]).toEqual(['v1', 'Pod']);
    const dep = result.objects.find((o) => o.metadata.name === 'cart' && o.kind === 'Deployment')!;
    expect(dep.apiVersion).toBe('apps/v1');
    expect(result.objects.every((o) => typeof o.apiVersion === 'string' && typeof o.kind === 'string')).toBe(true);
  });

  it('collects CRDs and custom resources discovered from /apis', () => {
    expect(names('CustomResourceDefinition')).toEqual(['/rollouts.argoproj.io']);
    const ro = result.objects.find((o) => o.kind === 'Rollout')!;
    expect(ro.apiVersion).toBe('argoproj.io/v1alpha1');
    expect(result.kinds).toContain('Rollout.argoproj.io');
  });

  it('lists the readable kinds and skips subresources, non-listable and noisy resources', () => {
    expect(result.kinds).toEqual([
      'ConfigMap', 'ControllerRevision', 'CustomResourceDefinition', 'DaemonSet', 'Deployment', 'Event', 'Namespace',
      'Node', 'Pod', 'ReplicaSet', 'Rollout.argoproj.io', 'Secret', 'Service', 'ServiceAccount', 'StatefulSet',
    ]);
    const paths = srv.requests.map((r) => r.path);
    for (const p of ['/api/v1/componentstatuses', '/api/v1/bindings', '/apis/events.k8s.io/v1/events', '/apis/coordination.k8s.io/v1/leases', '/apis/metrics.k8s.io/v1beta1']) {
      expect(paths).not.toContain(p);
    }
    expect(paths.some((p) => p.includes('/status') || p.endsWith('/log') || p.includes('subjectaccessreviews'))).toBe(false);
    // Core events are wanted.
    expect(names('Event')).toEqual(['shop/cart-7d9f8b6c5-qz8lm.1809d2c4b1a3f7e2']);
  });

  it('a 403 cluster-wide falls back to namespaces; a 403 in one namespace is a warning and a denial, the rest is kept', () => {
    expect(names('Secret')).toEqual(['default/registry-cred', 'shop/cart-db']);
    expect(result.denied).toEqual([
      { kind: 'Secret', namespace: 'kube-system', status: 403, message: expect.stringContaining('cannot list resource "secrets"') },
    ]);
    expect(result.warnings).toContain('Secret (secrets): forbidden cluster-wide (403); listing per namespace');
    expect(result.warnings.some((w) => w.startsWith('Secret (secrets) in namespace kube-system: forbidden (403)'))).toBe(true);
    expect(names('Pod')).toHaveLength(4);
  });

  it('restarts a list once when its continue token expired (410) and warns', () => {
    expect(names('ServiceAccount').sort()).toEqual(['default/default', 'kube-system/coredns', 'kube-system/default', 'shop/default']);
    expect(result.warnings.some((w) => w.startsWith('ServiceAccount (serviceaccounts): continue token expired (410 Gone)'))).toBe(true);
    expect(srv.requests.filter((r) => r.path === '/api/v1/serviceaccounts')).toHaveLength(4);
  });

  it('never returns a Secret value, and hashes instead of dropping', () => {
    const json = JSON.stringify(result);
    for (const plain of ['s3cr3t-Pa55w0rd', 'ghp_R3gistryT0ken', 'hunter2-cart-db', 'sk_live_51Hx0StorefrontKey']) {
      expect(json).not.toContain(plain);
      expect(json).not.toContain(Buffer.from(plain).toString('base64').slice(0, 16));
    }
    const secret = result.objects.find((o) => o.kind === 'Secret' && o.metadata.name === 'cart-db')!;
    expect(Object.keys(secret.data as object).sort()).toEqual(['password', 'username']);
    expect((secret.data as Record<string, string>).password).toMatch(/^sha256:[0-9a-f]{16,64}$/);
    // Non-credential env values are kept.
    expect(json).toContain('postgres.shop.svc');
  });

  it('strips managedFields and last-applied-configuration', () => {
    const json = JSON.stringify(result);
    expect(json).not.toContain('managedFields');
    expect(json).not.toContain('last-applied-configuration');
    const dep = result.objects.find((o) => o.kind === 'Deployment')!;
    expect(dep.metadata.annotations).toEqual({ 'deployment.kubernetes.io/revision': '1' });
  });

  it('discovers with the requests its server supports', () => {
    const discovery = srv.requests.filter((r) => ['/api', '/api/v1', '/apis'].includes(r.path) || /^\/apis\/[^/]+\/[^/]+$/.test(r.path));
    if (discoveryRoutes.length > 0) {
      expect(discovery.map((r) => r.path)).toEqual(['/api', '/apis']);
    } else {
      expect(discovery.map((r) => r.path).sort()).toEqual([
        '/api', '/api/v1', '/apis', '/apis/apiextensions.k8s.io/v1', '/apis/apps/v1', '/apis/argoproj.io/v1alpha1',
        '/apis/authorization.k8s.io/v1', '/apis/coordination.k8s.io/v1', '/apis/events.k8s.io/v1',
      ]);
    }
    expect(mode).toBeTruthy();
  });

  it('sends the kubeconfig token on every request', () => {
    expect(srv.requests.length).toBeGreaterThan(20);
    expect(srv.requests.every((r) => r.authorization === 'Bearer hypercas-test-token')).toBe(true);
  });
});

describe('collectLive partial failures and fatal errors', () => {
  it('a cluster-scoped kind that is forbidden is denied without namespace; a group whose discovery fails is a warning', async () => {
    const srv = await startFakeApiServer([
      { path: '/api/v1/nodes', status: 403, body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'nodes is forbidden: User "x" cannot list resource "nodes" in API group "" at the cluster scope', reason: 'Forbidden', details: { kind: 'nodes' }, code: 403 } },
      { path: '/apis/argoproj.io/v1alpha1', status: 503, body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'the server is currently unable to handle the request', reason: 'ServiceUnavailable', code: 503 } },
    ]);
    try {
      const [{ kc }] = loadKubeConfigs({ kubeconfig: srv.kubeconfig() });
      const r = await collectLive(kc, { ...fast, retries: 1 });
      expect(r.denied).toContainEqual({ kind: 'Node', status: 403, message: expect.stringContaining('cannot list resource "nodes"') });
      expect(r.kinds).not.toContain('Node');
      expect(r.kinds).not.toContain('Rollout.argoproj.io');
      expect(r.warnings).toContain('API group argoproj.io/v1alpha1: discovery failed (503 the server is currently unable to handle the request); its kinds are not collected');
      expect(r.objects.some((o) => o.kind === 'Pod')).toBe(true);
      // 503 is retried (retries: 1) before giving up.
      expect(srv.requests.filter((q) => q.path === '/apis/argoproj.io/v1alpha1')).toHaveLength(2);
    } finally {
      await srv.close();
    }
  });

  it('aggregated discovery: a Stale group (its API service down) is a warning, the rest is collected', async () => {
    const doc = JSON.parse(readFileSync(join(FIXTURES, 'apiserver/discovery/aggregated-apis.json'), 'utf8')) as {
      items: Array<{ metadata: { name: string }; versions: Array<{ freshness?: string }> }>;
    };
    doc.items.find((i) => i.metadata.name === 'argoproj.io')!.versions[0].freshness = 'Stale';
    const srv = await startFakeApiServer([AGGREGATED_DISCOVERY[0], { ...AGGREGATED_DISCOVERY[1], body: doc }]);
    try {
      const [{ kc }] = loadKubeConfigs({ kubeconfig: srv.kubeconfig() });
      const r = await collectLive(kc, fast);
      expect(r.warnings).toContain('API group argoproj.io/v1alpha1: discovery stale (its API service is unavailable); its kinds are not collected');
      expect(r.kinds).not.toContain('Rollout.argoproj.io');
      expect(r.kinds).toContain('Deployment');
      expect(srv.requests.some((q) => q.path.startsWith('/apis/argoproj.io'))).toBe(false);
    } finally {
      await srv.close();
    }
  });

  it('retries a throttled list (429 with Retry-After) and gets it', async () => {
    const tooMany = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'Too many requests, please try again later.', reason: 'TooManyRequests', details: { retryAfterSeconds: 1 }, code: 429 };
    const srv = await startFakeApiServer([
      { path: '/api/v1/configmaps', status: 200, sequence: [{ status: 429, body: tooMany, headers: { 'Retry-After': '0' } }, { status: 200, body: 'lists/configmaps.json' }] },
    ]);
    try {
      const [{ kc }] = loadKubeConfigs({ kubeconfig: srv.kubeconfig() });
      const r = await collectLive(kc, fast);
      expect(r.objects.filter((o) => o.kind === 'ConfigMap')).toHaveLength(2);
      expect(srv.requests.filter((q) => q.path === '/api/v1/configmaps')).toHaveLength(2);
      expect(r.denied.filter((d) => d.kind === 'ConfigMap')).toEqual([]);
    } finally {
      await srv.close();
    }
  });

  it('a list still throttled after the retries is denied, not fatal', async () => {
    const tooMany = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'Too many requests, please try again later.', reason: 'TooManyRequests', code: 429 };
    const srv = await startFakeApiServer([{ path: '/api/v1/configmaps', status: 429, body: tooMany }]);
    try {
      const [{ kc }] = loadKubeConfigs({ kubeconfig: srv.kubeconfig() });
      const r = await collectLive(kc, { ...fast, retries: 2 });
      expect(r.denied).toContainEqual({ kind: 'ConfigMap', status: 429, message: 'Too many requests, please try again later.' });
      expect(srv.requests.filter((q) => q.path === '/api/v1/configmaps')).toHaveLength(3);
      expect(r.objects.some((o) => o.kind === 'Pod')).toBe(true);
    } finally {
      await srv.close();
    }
  });

  it('a second 410 on the same list denies the kind instead of returning half a list', async () => {
    const expired = 'lists/serviceaccounts-expired.json';
    const routes = loadRoutes().filter((r) => r.path === '/api/v1/serviceaccounts');
    const restartedToken = routes.find((r) => r.status === 200 && r.continue)!.continue!;
    const srv = await startFakeApiServer([{ path: '/api/v1/serviceaccounts', continue: restartedToken, status: 410, body: expired }]);
    try {
      const [{ kc }] = loadKubeConfigs({ kubeconfig: srv.kubeconfig() });
      const r = await collectLive(kc, { ...fast, pageSize: 2 });
      expect(r.objects.filter((o) => o.kind === 'ServiceAccount')).toHaveLength(0);
      expect(r.denied).toContainEqual({ kind: 'ServiceAccount', status: 410, message: expect.stringContaining('expired twice') });
    } finally {
      await srv.close();
    }
  });

  it('a server that repeats the same continue token does not loop forever', async () => {
    const loop = { kind: 'ConfigMapList', apiVersion: 'v1', metadata: { resourceVersion: '1', continue: 'c2FtZQ' }, items: [] };
    const srv = await startFakeApiServer([
      { path: '/api/v1/configmaps', status: 200, body: loop },
      { path: '/api/v1/configmaps', continue: 'c2FtZQ', status: 200, body: loop },
    ]);
    try {
      const [{ kc }] = loadKubeConfigs({ kubeconfig: srv.kubeconfig() });
      const r = await collectLive(kc, fast);
      expect(r.denied).toContainEqual({ kind: 'ConfigMap', status: 200, message: 'the server returned the same continue token twice' });
      expect(srv.requests.filter((q) => q.path === '/api/v1/configmaps')).toHaveLength(2);
    } finally {
      await srv.close();
    }
  });

  it('per-namespace fallback uses opts.namespaces when Namespaces cannot be listed', async () => {
    const forbid = (res: string) => ({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: `${res} is forbidden`, reason: 'Forbidden', code: 403 });
    const srv = await startFakeApiServer([{ path: '/api/v1/namespaces', status: 403, body: forbid('namespaces') }]);
    try {
      const [{ kc }] = loadKubeConfigs({ kubeconfig: srv.kubeconfig() });
      const r = await collectLive(kc, { ...fast, namespaces: ['shop'] });
      expect(r.objects.filter((o) => o.kind === 'Secret').map((o) => o.metadata.name)).toEqual(['cart-db']);
      expect(srv.requests.some((q) => q.path === '/api/v1/namespaces/kube-system/secrets')).toBe(false);
      expect(r.denied).toContainEqual({ kind: 'Namespace', status: 403, message: 'namespaces is forbidden' });
    } finally {
      await srv.close();
    }
  });

  it('an unreachable server is one thrown line naming the URL and the reason', async () => {
    const srv = await startFakeApiServer();
    const file = srv.kubeconfig();
    const url = srv.url;
    await srv.close(); // nothing listens on that port any more
    const [{ kc }] = loadKubeConfigs({ kubeconfig: file });
    const err = await collectLive(kc, fast).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(KubeAccessError);
    expect((err as KubeAccessError).reason).toBe('unreachable');
    expect((err as Error).message).toBe(`cannot reach ${url}: connect ECONNREFUSED ${url.replace('http://', '')}`);
  });

  it('a rejected token is "unauthorized: credentials rejected by <url>"', async () => {
    const srv = await startFakeApiServer();
    try {
      const [{ kc }] = loadKubeConfigs({ kubeconfig: writeKubeconfig(srv.url, 'wrong-token') });
      const err = await collectLive(kc, fast).catch((e: unknown) => e);
      expect((err as KubeAccessError).reason).toBe('unauthorized');
      expect((err as Error).message).toBe(`unauthorized: credentials rejected by ${srv.url}`);
    } finally {
      await srv.close();
    }
  });

  it('a server too slow to answer times out with one line', async () => {
    const srv = await startFakeApiServer([], { delayMs: 400 });
    try {
      const [{ kc }] = loadKubeConfigs({ kubeconfig: srv.kubeconfig() });
      const err = await collectLive(kc, { ...fast, timeoutMs: 100 }).catch((e: unknown) => e);
      expect((err as Error).message).toBe(`cannot reach ${srv.url}: timed out after 100ms`);
    } finally {
      await srv.close();
    }
  });

  it('bounds the number of requests in flight', async () => {
    const srv = await startFakeApiServer([], { delayMs: 15 });
    try {
      const [{ kc }] = loadKubeConfigs({ kubeconfig: srv.kubeconfig() });
      await collectLive(kc, { ...fast, concurrency: 2 });
      expect(srv.peakInFlight()).toBe(2);
    } finally {
      await srv.close();
    }
  });
});
