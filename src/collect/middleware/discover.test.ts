import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { loadStack } from './load.js';
import { SAMPLES } from './__fixtures__/samples.js';

describe('application discovery on the sample stacks', () => {
  it('finds WebtoB, JEUS and Tibero by their config content and links the tiers', () => {
    const { inv, discovery, problems } = loadStack([join(SAMPLES, 'tmax/healthy')]);
    expect(problems).toEqual([]);
    const ids = discovery.apps.map((a) => a.id).sort();
    expect(ids).toEqual(['local/App.jeus/shop-tmax/jeus', 'local/App.tibero/shop-tmax/tibero', 'local/App.webtob/shop-tmax/webtob']);
    const tibero = discovery.apps.find((a) => a.product === 'tibero')!;
    expect(tibero.files.map((f) => f.format).sort()).toEqual(['tibero.tbdsn', 'tibero.tip']);
    // the file on disk is identical to the ConfigMap key: the ConfigMap is the truth, the disk path names it
    expect(tibero.files[0].configMap?.name).toBe('tibero-config');
    expect(tibero.files[0].diskPath).toMatch(/tmax\/healthy\/tibero\//);
    expect(tibero.memoryLimit).toBe(6 * 1024 ** 3);
    const jeus = discovery.apps.find((a) => a.product === 'jeus')!;
    expect(jeus.replicas).toBe(2);
    const rel = (type: string) => inv.relations.filter((r) => r.type === type && r.from.includes('App.')).map((r) => `${r.from} -> ${r.to}`);
    expect(rel('routes-to')).toEqual(['local/App.webtob/shop-tmax/webtob -> local/App.jeus/shop-tmax/jeus']);
    expect(rel('connects-to')).toEqual(['local/App.jeus/shop-tmax/jeus -> local/App.tibero/shop-tmax/tibero']);
    expect(inv.relationsFrom('local/App.jeus/shop-tmax/jeus', 'runs-on')[0].to).toBe('local/StatefulSet/shop-tmax/jeus');
    expect(inv.get('local/App.webtob/shop-tmax/webtob')!.ci.type).toBe('application');
    const wr = inv.relations.find((r) => r.type === 'routes-to' && r.from.includes('App.webtob'))!;
    expect(wr.evidence).toMatchObject({ port: 9900, 'registration-id': 'shopsvr', service: 'webtob' });
    expect(inv.relationsTo('local/App.webtob/shop-tmax/webtob', 'routes-to').map((r) => r.from).sort()).toEqual(['local/Service/shop-tmax/webtob', 'local/Service/shop-tmax/webtob-public']);
  });

  it('finds nginx, Spring Boot and PostgreSQL (subPath mount, directory mount, env) and links them', () => {
    const { inv, discovery, problems } = loadStack([join(SAMPLES, 'oss/healthy')]);
    expect(problems).toEqual([]);
    expect(discovery.apps.map((a) => `${a.product}:${a.name}`).sort()).toEqual(['nginx:nginx', 'postgresql:postgres', 'spring:api']);
    const nginx = discovery.apps.find((a) => a.product === 'nginx')!;
    expect(nginx.files[0].mountPath).toBe('/etc/nginx/nginx.conf');
    const rel = inv.relations.filter((r) => r.from.includes('App.') && r.type !== 'runs-on').map((r) => `${r.type} ${r.from.split('/')[1]} -> ${r.to.split('/')[1]}`).sort();
    expect(rel).toEqual(['connects-to App.spring -> App.postgresql', 'routes-to App.nginx -> App.spring']);
  });

  it('reports a config parse error with file:line and still discovers the rest', async () => {
    const { buildInventory } = await import('../../cmdb/build-inventory.js');
    const { discoverApplications } = await import('./discover.js');
    const cm = (name: string, key: string, text: string) => ({ obj: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'ns' }, data: { [key]: text } } });
    const dep = (name: string, cmName: string) => ({ obj: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, namespace: 'ns' }, spec: { replicas: 1, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name, image: 'x', volumeMounts: [{ name: 'c', mountPath: '/cfg' }] }], volumes: [{ name: 'c', configMap: { name: cmName } }] } } } } });
    const inv = buildInventory([cm('a', 'http.m', '*NODE\nweb JSVPORT = 9900, WEBTOBDIR = "/w"\n   broken\n'), dep('web', 'a'), cm('b', 'x.tip', 'DB_NAME=X\nLISTENER_PORT=8629\n'), dep('db', 'b')] as never, { cluster: 'c', live: false });
    const d = discoverApplications(inv);
    expect(d.apps.map((a) => a.product).sort()).toEqual(['tibero', 'webtob']);
    expect(d.problems).toEqual([{ file: 'ConfigMap ns/a key http.m', line: 3, message: 'expected "Key = value", got "broken"' }]);
  });
});

describe('discovery from env/args, Secrets and plain files', () => {
  it('a Spring app known only from env links to its database; Secret files are named, never read', async () => {
    const { inventoryFromYaml } = await import('../../detect/testing.js');
    const { ossStack, container, obj } = await import('../../detect/rules/linkage/examples.js');
    const { discoverApplications } = await import('./discover.js');
    const inv = inventoryFromYaml(
      ossStack({
        k8s: (o) => {
          const d = obj(o, 'Deployment', 'orders');
          d.spec.template.spec.volumes = [{ name: 'cfg', secret: { secretName: 'orders-secret' } }];
          const c = container(o, 'Deployment', 'orders');
          c.args = ['--server.port=8080'];
          c.env = [{ name: 'SPRING_DATASOURCE_URL', value: 'jdbc:postgresql://pg:5432/orders' }, { name: 'SPRING_DATASOURCE_PASSWORD', valueFrom: { secretKeyRef: { name: 'orders-secret', key: 'pw' } } }];
          o.push({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'orders-secret', namespace: 'pay' }, data: { pw: 'c2VjcmV0' } });
        },
      }),
    );
    const d = discoverApplications(inv);
    const app = d.apps.find((a) => a.product === 'spring')!;
    expect(app.files).toEqual([]);
    expect(app.secretFiles).toEqual([{ mountPath: '/config/pw', secret: 'orders-secret', key: 'pw' }]);
    expect(app.env.SPRING_DATASOURCE_PASSWORD).toBeUndefined();
    expect(d.relations.filter((r) => r.type === 'connects-to').map((r) => r.to)).toEqual(['test/App.postgresql/pay/pg']);
    expect(JSON.stringify(d)).not.toContain('c2VjcmV0');
  });

  it('plain config files without manifests become stand-alone apps and still link', async () => {
    const { linkageChecks } = await import('../../detect/rules/linkage/index.js');
    const base = join(SAMPLES, 'tmax/broken/01-jsvport-mismatch');
    const { inv, discovery } = loadStack([join(base, 'webtob'), join(base, 'jeus'), join(base, 'tibero')]);
    expect(discovery.apps.map((a) => a.id).sort()).toEqual(['local/App.jeus/_/jeus', 'local/App.tibero/_/tibero', 'local/App.webtob/_/webtob']);
    const f = linkageChecks.flatMap((c) => c.run({ inv, options: {} }));
    expect(f.map((x) => x.checkId)).toEqual(['webtob-jeus-port-mismatch']);
    expect(f[0].fix).toContain('to 9900');
  });
});
