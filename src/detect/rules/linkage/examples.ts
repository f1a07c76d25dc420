// Small complete stacks for the linkage checks' examples and fixtures: ConfigMaps holding the
// product configs, the workloads that mount them, and the Services between the tiers. Names are
// deliberately unlike the shared samples' (discovery must not depend on names).
import { yamlDocs } from '../../util/examples.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- manifests are free-form */
type Obj = Record<string, any>;
type Edit = (s: string) => string;

export const HTTP_M = `*DOMAIN
paydom

*NODE
front   WEBTOBDIR = "/opt/wt", SHMKEY = 54000, PORT = "8080", HTH = 1,
        JSVPORT = 9900

*SVRGROUP
htmlg   SVRTYPE = HTML
jsvg    SVRTYPE = JSV

*SERVER
paysvr  SVGNAME = jsvg, MinProc = 10, MaxProc = 10

*URI
u_root  Uri = "/", Svrtype = JSV, SvrName = "paysvr"
`;

export const DOMAIN_XML = `<?xml version="1.0" encoding="UTF-8"?>
<domain xmlns="http://www.tmaxsoft.com/xml/ns/jeus" version="8.5">
  <servers>
    <server>
      <name>s1</name>
      <jvm-config><jvm-option>-Xmx700m</jvm-option></jvm-config>
      <web-engine>
        <web-connections>
          <webtob-connector>
            <name>wc</name>
            <network-address>
              <ip-address>front-jsv.pay.svc.cluster.local</ip-address>
              <port>9900</port>
            </network-address>
            <registration-id>paysvr</registration-id>
            <hth-count>1</hth-count>
            <thread-pool><number>5</number></thread-pool>
          </webtob-connector>
        </web-connections>
      </web-engine>
      <data-sources><data-source>ds_pay</data-source></data-sources>
    </server>
  </servers>
  <resources>
    <data-source>
      <database>
        <data-source-id>ds_pay</data-source-id>
        <data-source-class-name>com.tmax.tibero.jdbc.ext.TbConnectionPoolDataSource</data-source-class-name>
        <vendor>tibero</vendor>
        <server-name>ledger</server-name>
        <port-number>8629</port-number>
        <database-name>PAYDB</database-name>
        <connection-pool><pooling><min>2</min><max>20</max></pooling></connection-pool>
      </database>
    </data-source>
  </resources>
</domain>
`;

export const TIP = `DB_NAME=PAYDB
LISTENER_PORT=8629
MAX_SESSION_COUNT=100
MEMORY_TARGET=2G
TOTAL_SHM_SIZE=1G
DB_CACHE_SIZE=512M
LOG_BUFFER=16M
`;

export const TBDSN = `PAYDB=((INSTANCE=(HOST=ledger)(PORT=8629)(DB_NAME=PAYDB)))
`;

export const NGINX_CONF = `worker_processes 2;
events { worker_connections 1024; }
http {
    upstream orders_up {
        server orders-http.pay.svc.cluster.local:80;
        keepalive 8;
    }
    server {
        listen 8080;
        location / {
            proxy_pass http://orders_up;
            proxy_read_timeout 45s;
        }
    }
}
`;

export const APPLICATION_YAML = `server:
  port: 8080
  tomcat:
    max-connections: 1000
spring:
  datasource:
    url: jdbc:postgresql://pg:5432/orders
    hikari:
      maximum-pool-size: 10
      connection-timeout: 20000
`;

export const POSTGRESQL_CONF = `listen_addresses = '*'
port = 5432
max_connections = 50
superuser_reserved_connections = 3
shared_buffers = 256MB
work_mem = 4MB
`;

function cm(name: string, ns: string, key: string, text: string): Obj {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: ns }, data: { [key]: text } };
}

function workload(kind: 'Deployment' | 'StatefulSet', name: string, ns: string, replicas: number, container: Obj, volumes: Obj[], extra: Obj = {}): Obj {
  return {
    apiVersion: 'apps/v1',
    kind,
    metadata: { name, namespace: ns },
    spec: {
      replicas,
      selector: { matchLabels: { run: name } },
      ...(kind === 'StatefulSet' ? { serviceName: name } : {}),
      template: { metadata: { labels: { run: name } }, spec: { ...extra, containers: [container], volumes } },
    },
  };
}

function svc(name: string, ns: string, selector: Obj, ports: Obj[]): Obj {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: ns }, spec: { selector, ports } };
}

const docs = (objs: Obj[]) => yamlDocs(...objs);

export interface TmaxOpts {
  httpm?: Edit;
  domain?: Edit;
  tip?: Edit;
  tbdsn?: Edit;
  /** Mutates the manifests (objects) before they are written. */
  k8s?: (objs: Obj[]) => void;
}

/** WebtoB `front` → JEUS `was` (2 pods) → Tibero `ledger`, namespace `pay`. */
export function tmaxStack(o: TmaxOpts = {}): string {
  const ns = 'pay';
  const vol = (cmName: string) => [{ name: 'cfg', configMap: { name: cmName } }];
  const mount = [{ name: 'cfg', mountPath: '/cfg' }];
  const objs: Obj[] = [
    cm('front-cfg', ns, 'ws.m', (o.httpm ?? ((s) => s))(HTTP_M)),
    cm('was-cfg', ns, 'domain.xml', (o.domain ?? ((s) => s))(DOMAIN_XML)),
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'ledger-cfg', namespace: ns }, data: { 'PAYDB.tip': (o.tip ?? ((s) => s))(TIP), 'tbdsn.tbr': (o.tbdsn ?? ((s) => s))(TBDSN) } },
    workload('Deployment', 'front', ns, 1, { name: 'ws', image: 'r/ws:5', ports: [{ name: 'http', containerPort: 8080 }, { name: 'jsv', containerPort: 9900 }], resources: { limits: { memory: '512Mi' } }, volumeMounts: mount }, vol('front-cfg'), { hostname: 'front' }),
    svc('front-jsv', ns, { run: 'front' }, [{ name: 'jsv', port: 9900, targetPort: 'jsv' }]),
    workload('StatefulSet', 'was', ns, 2, { name: 'was', image: 'r/was:8', ports: [{ name: 'http', containerPort: 8088 }], resources: { limits: { memory: '1Gi' } }, volumeMounts: mount }, vol('was-cfg')),
    workload('StatefulSet', 'ledger', ns, 1, { name: 'db', image: 'r/db:7', ports: [{ name: 'lsnr', containerPort: 8629 }], resources: { requests: { memory: '3Gi' }, limits: { memory: '3Gi' } }, volumeMounts: mount }, vol('ledger-cfg')),
    svc('ledger', ns, { run: 'ledger' }, [{ name: 'lsnr', port: 8629, targetPort: 'lsnr' }]),
  ];
  o.k8s?.(objs);
  return docs(objs);
}

export interface OssOpts {
  nginx?: Edit;
  app?: Edit;
  pg?: Edit;
  k8s?: (objs: Obj[]) => void;
}

/** nginx `edge` (2 pods) → Spring Boot `orders` (2 pods, Service port 80) → PostgreSQL `pg`, namespace `pay`. */
export function ossStack(o: OssOpts = {}): string {
  const ns = 'pay';
  const objs: Obj[] = [
    cm('edge-cfg', ns, 'nginx.conf', (o.nginx ?? ((s) => s))(NGINX_CONF)),
    cm('orders-cfg', ns, 'application.yaml', (o.app ?? ((s) => s))(APPLICATION_YAML)),
    cm('pg-cfg', ns, 'postgresql.conf', (o.pg ?? ((s) => s))(POSTGRESQL_CONF)),
    workload('Deployment', 'edge', ns, 2, { name: 'proxy', image: 'r/proxy:1', ports: [{ containerPort: 8080 }], volumeMounts: [{ name: 'cfg', mountPath: '/etc/nginx/nginx.conf', subPath: 'nginx.conf' }] }, [{ name: 'cfg', configMap: { name: 'edge-cfg' } }]),
    workload('Deployment', 'orders', ns, 2, { name: 'app', image: 'r/orders:1', args: ['--spring.config.additional-location=file:/config/'], env: [{ name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=70' }], ports: [{ name: 'http', containerPort: 8080 }], resources: { limits: { memory: '1Gi' } }, volumeMounts: [{ name: 'cfg', mountPath: '/config' }] }, [{ name: 'cfg', configMap: { name: 'orders-cfg' } }]),
    svc('orders-http', ns, { run: 'orders' }, [{ name: 'http', port: 80, targetPort: 'http' }]),
    workload('StatefulSet', 'pg', ns, 1, { name: 'db', image: 'r/db:16', args: ['-c', 'config_file=/etc/db/postgresql.conf'], ports: [{ name: 'pg', containerPort: 5432 }], resources: { limits: { memory: '1Gi' } }, volumeMounts: [{ name: 'cfg', mountPath: '/etc/db' }, { name: 'shm', mountPath: '/dev/shm' }] }, [{ name: 'cfg', configMap: { name: 'pg-cfg' } }, { name: 'shm', emptyDir: { medium: 'Memory' } }]),
    svc('pg', ns, { run: 'pg' }, [{ name: 'pg', port: 5432, targetPort: 'pg' }]),
  ];
  o.k8s?.(objs);
  return docs(objs);
}

/** Finds a manifest by kind/name in an example's object list (for k8s mutators). */
export function obj(objs: Obj[], kind: string, name: string): Obj {
  const o = objs.find((x) => x.kind === kind && x.metadata.name === name);
  if (!o) throw new Error(`no ${kind} ${name} in example`);
  return o;
}

export const container = (objs: Obj[], kind: string, name: string): Obj => obj(objs, kind, name).spec.template.spec.containers[0];
