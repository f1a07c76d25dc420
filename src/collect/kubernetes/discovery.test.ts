import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discover, resourceId } from './discovery.js';
import { KubeHttp } from './http.js';
import { loadKubeConfigs } from './kubeconfig.js';
import { startFakeApiServer, type FakeApiServer } from './__fixtures__/fake-apiserver.js';

describe('discover', () => {
  let srv: FakeApiServer;
  let http: KubeHttp;
  beforeAll(async () => {
    // An old server that still serves Ingress in extensions/v1beta1 besides networking.k8s.io/v1.
    const groups = (await import('./__fixtures__/apiserver/discovery/apis.json', { with: { type: 'json' } })).default as {
      groups: Array<{ name: string }>;
    };
    const gv = (name: string, version: string) => ({ name, versions: [{ groupVersion: `${name}/${version}`, version }], preferredVersion: { groupVersion: `${name}/${version}`, version } });
    const ingress = (group: string, version: string) => ({
      kind: 'APIResourceList', apiVersion: 'v1', groupVersion: `${group}/${version}`,
      resources: [
        { name: 'ingresses', singularName: 'ingress', namespaced: true, kind: 'Ingress', verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'], shortNames: ['ing'] },
        { name: 'ingresses/status', singularName: '', namespaced: true, kind: 'Ingress', verbs: ['get', 'patch', 'update'] },
      ],
    });
    srv = await startFakeApiServer([
      { path: '/apis', status: 200, body: { kind: 'APIGroupList', apiVersion: 'v1', groups: [gv('extensions', 'v1beta1'), ...groups.groups, gv('networking.k8s.io', 'v1')] } },
      { path: '/apis/extensions/v1beta1', status: 200, body: ingress('extensions', 'v1beta1') },
      { path: '/apis/networking.k8s.io/v1', status: 200, body: ingress('networking.k8s.io', 'v1') },
    ]);
    http = new KubeHttp(loadKubeConfigs({ kubeconfig: srv.kubeconfig() })[0].kc, { retryDelayMs: 5 });
  });
  afterAll(() => srv.close());

  it('keeps one resource per CI kind, never the extensions copy', async () => {
    const d = await discover(http);
    const ids = d.resources.map(resourceId);
    expect(ids).toContain('ingresses.networking.k8s.io');
    expect(ids).not.toContain('ingresses.extensions');
  });

  it('only/skip select resources by resource id, Kind or *.group', async () => {
    expect((await discover(http, { only: ['pods', 'Deployment', '*.argoproj.io'] })).resources.map(resourceId)).toEqual([
      'pods', 'deployments.apps', 'rollouts.argoproj.io',
    ]);
    const ids = (await discover(http, { skip: ['Pod', '*.apps'] })).resources.map(resourceId);
    expect(ids).not.toContain('pods');
    expect(ids.some((i) => i.endsWith('.apps'))).toBe(false);
    expect(ids).toContain('services');
  });
});
