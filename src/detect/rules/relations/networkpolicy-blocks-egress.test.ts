import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { check } from './networkpolicy-blocks-egress.js';
import { hostsIn, redactUrl, workloadEdges } from './workload-edges.js';
import { describeExamples, inventoryFromYaml, runCheck } from '../../testing.js';
import { runChecks } from '../../engine.js';
import { deployment, obj, service, yamlDocs } from '../../util/examples.js';
import { loadStack } from '../../../collect/middleware/load.js';
import { SAMPLES } from '../../../collect/middleware/__fixtures__/samples.js';
import type { Finding } from '../../../model/finding.js';

describeExamples(check);

/* eslint-disable @typescript-eslint/no-explicit-any -- test manifests */
const np = (name: string, spec: any, ns = 'shop') => obj('networking.k8s.io/v1', 'NetworkPolicy', name, { spec }, ns);
const denyEgress = (ns = 'shop') => np('default-deny-egress', { podSelector: {}, policyTypes: ['Egress'] }, ns);
const allowDns = (ns = 'shop') => np('allow-dns', { podSelector: {}, policyTypes: ['Egress'], egress: [{ to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }], ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }] }] }, ns);
const api = (env: Array<{ name: string; value: string }>, ns = 'shop') => deployment('api', {}, { ns, containers: [{ name: 'api', image: 'registry.example.com/api:1.0', env }] });
const db = (ns = 'shop') => deployment('db', {}, { ns, containers: [{ name: 'pg', image: 'postgres:16', ports: [{ name: 'pg', containerPort: 5432 }] }] });
const dbSvc = (ns = 'shop', port = 5432) => service('db', { app: 'db' }, [{ port, targetPort: 'pg' }], ns);
const apiEgress = (to: any[], ports: any[] = [{ protocol: 'TCP', port: 5432 }]) => np('api-egress', { podSelector: { matchLabels: { app: 'api' } }, policyTypes: ['Egress'], egress: [{ to, ports }] });
const notes = (yaml: string, live = false) => runChecks(inventoryFromYaml(yaml, { live }), [check]).outcomes[0];

/** Applies a finding's patch the way a user would: the `kubectl apply` snippet, or the JSON-patch `add`. */
function applyFix(yaml: string, f: Finding): string {
  const content = f.patch!.content;
  const heredoc = /<<'EOF'\n([\s\S]*)EOF$/.exec(content);
  if (heredoc) return `${yaml}---\n${heredoc[1]}`;
  const m = /patch networkpolicy (\S+) --type json -p '(.*)'$/.exec(content)!;
  const [op] = JSON.parse(m[2]) as Array<{ op: string; path: string; value: unknown }>;
  const docs = parseAllDocuments(yaml).map((d) => d.toJS());
  const pol = docs.find((d) => d.kind === 'NetworkPolicy' && d.metadata.name === m[1]);
  const [, , dir, i, list] = op.path.split('/');
  pol.spec[dir][Number(i)][list].push(op.value);
  return yamlDocs(...docs);
}

describe('networkpolicy-blocks-egress', () => {
  it('reports the near miss (right peer, wrong port) and the missing DNS egress, each with its fix', () => {
    const f = runCheck(check, check.meta.examples.fail);
    expect(f.map((x) => x.evidence.edge)).toEqual(['api -> kube-dns:53/UDP', 'api -> db:5432']);
    const [dns, edge] = f;
    expect(dns.message).toBe('Deployment api cannot resolve db: namespace shop is default-deny for egress (default-deny-egress) and no policy admits DNS (UDP 53 to kube-dns in kube-system)');
    expect(dns.patch?.content).toContain('name: allow-dns-egress');
    expect(edge.cis.slice(0, 4)).toEqual(['test/NetworkPolicy/shop/api-egress', 'test/Deployment/shop/api', 'test/Deployment/shop/db', 'test/Service/shop/db']);
    expect(edge.fix).toBe("Allow TCP 5432 (pg) in api-egress's egress rule to pods app=db (it currently allows TCP 5433).");
    expect(edge.patch?.content).toBe(`kubectl -n shop patch networkpolicy api-egress --type json -p '[{"op":"add","path":"/spec/egress/0/ports/-","value":{"protocol":"TCP","port":5432}}]'`);
    expect(edge.aliases).toContain('K8S-NETPOL');
    // The fixes fix it.
    expect(runCheck(check, f.reduce(applyFix, check.meta.examples.fail))).toEqual([]);
  });

  it('proposes a NetworkPolicy when nothing comes close, and that policy admits the edge', () => {
    const y = yamlDocs(api([{ name: 'DATABASE_URL', value: 'postgresql://app@db:5432/shop' }]), db(), dbSvc(), denyEgress(), allowDns());
    const [f] = runCheck(check, y);
    expect(f.fix).toBe('Add an egress rule for pods app=api to pods app=db on TCP 5432 (pg).');
    const snippet = parse(/<<'EOF'\n([\s\S]*)EOF$/.exec(f.patch!.content)![1]);
    expect(snippet).toMatchObject({ kind: 'NetworkPolicy', metadata: { name: 'api-egress-to-db', namespace: 'shop' }, spec: { podSelector: { matchLabels: { app: 'api' } }, policyTypes: ['Egress'], egress: [{ to: [{ podSelector: { matchLabels: { app: 'db' } } }], ports: [{ protocol: 'TCP', port: 5432 }] }] } });
    expect(runCheck(check, applyFix(y, f))).toEqual([]);
    // Label values YAML would read as booleans or numbers stay strings.
    const odd = yamlDocs(deployment('api', {}, { labels: { app: 'api', canary: 'true', tier: '1' }, containers: [{ name: 'api', image: 'x:1', env: [{ name: 'DB_HOST', value: 'db' }, { name: 'DB_PORT', value: '5432' }] }] }), db(), dbSvc(), denyEgress(), allowDns());
    const [g] = runCheck(check, odd);
    expect(parse(/<<'EOF'\n([\s\S]*)EOF$/.exec(g.patch!.content)![1]).spec.podSelector.matchLabels).toEqual({ app: 'api', canary: 'true', tier: '1' });
    expect(runCheck(check, applyFix(odd, g))).toEqual([]);
  });

  it('works across namespaces with namespaceSelector kubernetes.io/metadata.name (no Namespace objects needed)', () => {
    const env = [{ name: 'SPRING_DATASOURCE_URL', value: 'jdbc:postgresql://db.data.svc.cluster.local:5432/shop' }];
    const base = [api(env), db('data'), dbSvc('data'), denyEgress(), allowDns()];
    const to = (nsName: string) => [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': nsName } }, podSelector: { matchLabels: { app: 'db' } } }];
    expect(runCheck(check, yamlDocs(...base, apiEgress(to('data'))))).toEqual([]);
    const wrongNs = runCheck(check, yamlDocs(...base, apiEgress(to('other'))));
    expect(wrongNs).toHaveLength(1);
    expect(wrongNs[0].message).toMatch(/^Deployment api cannot reach db in namespace data on TCP 5432 \(pg\): .*no egress rule admits pods app=db in namespace data on that port$/);
    // A podSelector alone means the policy's own namespace: not the server's.
    expect(runCheck(check, yamlDocs(...base, apiEgress([{ podSelector: { matchLabels: { app: 'db' } } }])))).toHaveLength(1);
    // The proposed policy carries the namespaceSelector, and admits the edge.
    const y = yamlDocs(...base);
    const [f] = runCheck(check, y);
    expect(f.fix).toBe('Add an egress rule for pods app=api to pods app=db in namespace data (namespaceSelector kubernetes.io/metadata.name=data) on TCP 5432 (pg).');
    expect(f.patch!.content).toMatch(/namespaceSelector:\n\s+matchLabels:\n\s+kubernetes.io\/metadata.name: data/);
    expect(runCheck(check, applyFix(y, f))).toEqual([]);
  });

  it('judges other namespace labels from the Namespace object, and says so when it is missing', () => {
    const env = [{ name: 'DB_HOST', value: 'db.data' }, { name: 'DB_PORT', value: '5432' }];
    const byTeam = apiEgress([{ namespaceSelector: { matchLabels: { team: 'data' } } }]);
    const base = [api(env), db('data'), dbSvc('data'), denyEgress(), allowDns(), byTeam];
    const nsObj = (team: string) => obj('v1', 'Namespace', 'data', { metadata: { name: 'data', labels: { team } } }, null);
    expect(runCheck(check, yamlDocs(...base, nsObj('data')))).toEqual([]);
    expect(runCheck(check, yamlDocs(...base, nsObj('web')))).toHaveLength(1);
    expect(notes(yamlDocs(...base))).toMatchObject({ status: 'ran', findings: [], notes: [expect.stringMatching(/1 egress edge\(s\) not judged/)] });
  });

  it('matches egress on the pod port: a rule allowing the Service port is reported as the near miss', () => {
    const y = yamlDocs(api([{ name: 'DB_HOST', value: 'db' }, { name: 'DB_PORT', value: '80' }]), db(), dbSvc('shop', 80), denyEgress(), allowDns(), apiEgress([{ podSelector: { matchLabels: { app: 'db' } } }], [{ protocol: 'TCP', port: 80 }]));
    const [f] = runCheck(check, y);
    expect(f.message).toMatch(/api-egress admits pods app=db only on TCP 80 \(80 is the Service port; egress is matched on the pods' port 5432, after the Service address is translated\)$/);
    expect(f.evidence).toMatchObject({ port: 5432, servicePort: 80 });
  });

  it('reads ipBlock against live pod IPs and explains a block on the ClusterIP', () => {
    const pod = (name: string, labels: any, ip: string, env?: any[]) => obj('v1', 'Pod', name, { metadata: { name, namespace: 'shop', labels }, spec: { containers: [{ name: 'c', image: 'x:1', ...(env ? { env } : { ports: [{ name: 'pg', containerPort: 5432 }] }) }] }, status: { phase: 'Running', podIP: ip } });
    const live = (block: any) => yamlDocs(
      pod('api-1', { app: 'api' }, '10.1.0.5', [{ name: 'DB_HOST', value: 'db' }, { name: 'DB_PORT', value: '5432' }]), pod('db-0', { app: 'db' }, '10.1.0.9'),
      service('db', { app: 'db' }, [{ port: 5432, targetPort: 'pg' }], 'shop', { clusterIP: '10.96.0.20' }), denyEgress(), allowDns(), apiEgress([{ ipBlock: block }]),
    );
    expect(runChecks(inventoryFromYaml(live({ cidr: '10.1.0.0/16' }), { live: true }), [check]).findings).toEqual([]);
    const f = runChecks(inventoryFromYaml(live({ cidr: '10.1.0.0/16', except: ['10.1.0.8/29'] }), { live: true }), [check]).findings;
    expect(f).toHaveLength(1);
    const svcIp = runChecks(inventoryFromYaml(live({ cidr: '10.96.0.20/32' }), { live: true }), [check]).findings;
    expect(svcIp[0].message).toMatch(/ipBlock 10\.96\.0\.20\/32 names the Service's ClusterIP, but policies see the pod IPs$/);
    // Templates have no IPs: a narrow ipBlock cannot be judged from manifests; 0.0.0.0/0 admits all.
    const tpl = (block: any) => yamlDocs(api([{ name: 'DB_HOST', value: 'db' }, { name: 'DB_PORT', value: '5432' }]), db(), dbSvc(), denyEgress(), allowDns(), apiEgress([{ ipBlock: block }]));
    expect(runCheck(check, tpl({ cidr: '0.0.0.0/0' }))).toEqual([]);
    expect(notes(tpl({ cidr: '10.1.0.0/16' }))).toMatchObject({ findings: [], notes: [expect.stringMatching(/not judged/)] });
  });

  it('DNS: a rule to kube-dns on TCP 53 only is the near miss; names need DNS, IPs do not', () => {
    const tcpOnly = np('allow-dns', { podSelector: {}, policyTypes: ['Egress'], egress: [{ to: [{ namespaceSelector: {}, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }], ports: [{ protocol: 'TCP', port: 53 }] }] });
    const ok = apiEgress([{ podSelector: { matchLabels: { app: 'db' } } }]);
    const y = yamlDocs(api([{ name: 'DB_HOST', value: 'db' }, { name: 'DB_PORT', value: '5432' }]), db(), dbSvc(), denyEgress(), tcpOnly, ok);
    const [f, ...rest] = runCheck(check, y);
    expect(rest).toEqual([]);
    expect(f.fix).toBe("Allow UDP 53 in allow-dns's egress rule to namespaces <all> & pods k8s-app=kube-dns (it currently allows TCP 53; DNS queries go over UDP first).");
    expect(runCheck(check, applyFix(y, f))).toEqual([]);
    // A client without egress isolation, or on the host network, is not judged.
    expect(runCheck(check, yamlDocs(api([{ name: 'DB_HOST', value: 'db' }, { name: 'DB_PORT', value: '5432' }]), db(), dbSvc(), np('only-db', { podSelector: { matchLabels: { app: 'db' } }, policyTypes: ['Egress'] })))).toEqual([]);
    expect(runCheck(check, yamlDocs(deployment('api', { hostNetwork: true }, { containers: [{ name: 'api', image: 'x:1', env: [{ name: 'DB_HOST', value: 'db' }, { name: 'DB_PORT', value: '5432' }] }] }), db(), dbSvc(), denyEgress()))).toEqual([]);
  });

  it('DNS for pods isolated by their own policy (no namespace default-deny): a policy for those pods', () => {
    const y = yamlDocs(api([{ name: 'DB_HOST', value: 'db' }, { name: 'DB_PORT', value: '5432' }]), db(), dbSvc(), apiEgress([{ podSelector: { matchLabels: { app: 'db' } } }]));
    const [f, ...rest] = runCheck(check, y);
    expect(rest).toEqual([]);
    expect(f.message).toBe('Deployment api cannot resolve db: its pods are egress-isolated by api-egress and no policy admits DNS (UDP 53 to kube-dns in kube-system)');
    expect(f.patch!.content).toMatch(/name: api-egress-dns\n[\s\S]*podSelector:\n\s+matchLabels:\n\s+app: api\n/);
    expect(runCheck(check, applyFix(y, f))).toEqual([]);
    // The DNS Service in the input decides which pods are DNS.
    const coredns = [service('kube-dns', { app: 'coredns' }, [{ name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 }], 'kube-system'), allowDns()];
    expect(runCheck(check, yamlDocs(api([{ name: 'DB_HOST', value: 'db' }, { name: 'DB_PORT', value: '5432' }]), db(), dbSvc(), apiEgress([{ podSelector: { matchLabels: { app: 'db' } } }]), ...coredns))[0].fix).toMatch(/to pods app=coredns in kube-system/);
  });

  it('reads host names from env values, strictly', () => {
    expect(hostsIn('DB_HOST', 'db')).toEqual([{ host: 'db' }]);
    expect(hostsIn('MODE', 'db')).toEqual([]); // a bare word only counts in a host-like variable
    expect(hostsIn('API_URL', 'https://api.shop.svc:8443/v1')).toEqual([{ host: 'api.shop.svc', port: 8443 }]);
    expect(hostsIn('REDIS_URL', 'redis://:secret@cache/0')).toEqual([{ host: 'cache', port: 6379 }]);
    expect(hostsIn('KAFKA_BROKERS', 'k-0.k:9092,k-1.k:9092')).toEqual([{ host: 'k-0.k', port: 9092 }, { host: 'k-1.k', port: 9092 }]);
    expect(hostsIn('JDBC', 'jdbc:tibero:thin:@tibero:8629:shop')).toEqual([{ host: 'tibero', port: 8629 }]);
    expect(redactUrl('redis://:s3cret@cache:6379/0')).toBe('redis://cache:6379/0');
    expect(redactUrl('jdbc:postgresql://db/x?user=a&password=s3cret&ssl=true')).toBe('jdbc:postgresql://db/x?user=a&password=***&ssl=true');
    // A workload naming the Service in front of itself is not a client of it.
    const self = yamlDocs(deployment('db', {}, { containers: [{ name: 'pg', image: 'postgres:16', ports: [{ name: 'pg', containerPort: 5432 }], env: [{ name: 'PGHOST', value: 'db' }] }] }), dbSvc(), denyEgress());
    expect(workloadEdges(inventoryFromYaml(self))).toEqual([]);
  });
});

describe('networkpolicy-blocks-egress on the middleware samples (linkage edges)', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  /** A sample stack plus extra manifests, loaded as `hypercas scan -f` would. */
  const stack = (path: string, extra: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'hypercas-egress-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'extra.yaml'), extra);
    const { inv, problems } = loadStack([join(SAMPLES, path), dir]);
    expect(problems).toEqual([]);
    return inv;
  };

  it('oss: nginx → api and api → postgres, by name, under a default-deny egress', () => {
    const inv = stack('oss/healthy', yamlDocs(denyEgress('shop-oss')));
    const f = check.run({ inv, options: {} });
    // One DNS finding for the namespace-wide default-deny: one fix for every client.
    expect(f.map((x) => x.evidence.edge)).toEqual(['nginx,api -> kube-dns:53/UDP', 'nginx -> api:8080', 'api -> postgres:5432']);
    expect(f[0].message).toBe('Deployment nginx, Deployment api cannot resolve api.shop-oss.svc.cluster.local, postgres.shop-oss.svc.cluster.local: namespace shop-oss is default-deny for egress (default-deny-egress) and no policy admits DNS (UDP 53 to kube-dns in kube-system)');
    expect(f[2].evidence.via).toBe('jdbc-url jdbc:postgresql://postgres.shop-oss.svc.cluster.local:5432/shop');
    expect(f[2].cis).toContain('local/App.spring/shop-oss/api');
    expect(check.run({ inv: stack('oss/healthy', yamlDocs(denyEgress('shop-oss'), allowDns('shop-oss'), ...f.filter((x) => !/kube-dns/.test(String(x.evidence.edge))).map((x) => parse(/<<'EOF'\n([\s\S]*)EOF$/.exec(x.patch!.content)![1])))), options: {} })).toEqual([]);
  });

  it('tmax: JEUS dials WebtoB (JSVPORT) and Tibero; WebtoB is no client of JEUS', () => {
    const inv = stack('tmax/healthy', yamlDocs(denyEgress('shop-tmax'), allowDns('shop-tmax')));
    const f = check.run({ inv, options: {} });
    expect(f.map((x) => [x.evidence.edge, x.evidence.client])).toEqual([
      ['jeus -> webtob:9900', 'local/StatefulSet/shop-tmax/jeus'],
      ['jeus -> tibero:8629', 'local/StatefulSet/shop-tmax/jeus'],
    ]);
  });

  it('healthy samples (ingress-only policies) yield nothing', () => {
    for (const s of ['oss/healthy', 'tmax/healthy']) expect(check.run({ inv: loadStack([join(SAMPLES, s)]).inv, options: {} })).toEqual([]);
  });
});
