// Builders for the example manifests in check metadata (kept as YAML text so `rules explain` shows them).
import { stringify } from 'yaml';

/* eslint-disable @typescript-eslint/no-explicit-any -- manifests are free-form */
type Obj = Record<string, any>;

export function yamlDocs(...objs: Obj[]): string {
  return objs.map((o) => stringify(o, { lineWidth: 0 })).join('---\n');
}

/** A container that passes every hygiene check; override what the example is about. */
export function goodContainer(over: Obj = {}): Obj {
  return {
    name: 'app',
    image: 'registry.example.com/shop/app:1.4.2',
    ports: [{ name: 'http', containerPort: 8080 }],
    readinessProbe: { httpGet: { path: '/ready', port: 'http' } },
    livenessProbe: { httpGet: { path: '/live', port: 'http' } },
    resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '128Mi' } },
    securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, runAsNonRoot: true, runAsUser: 10001, capabilities: { drop: ['ALL'] } },
    ...over,
  };
}

export function deployment(name: string, podSpec: Obj = {}, opts: { ns?: string; replicas?: number; labels?: Obj; containers?: Obj[]; meta?: Obj; apiVersion?: string } = {}): Obj {
  const labels = opts.labels ?? { app: name };
  return {
    apiVersion: opts.apiVersion ?? 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: opts.ns ?? 'shop', ...(opts.meta ?? {}) },
    spec: {
      ...(opts.replicas !== undefined ? { replicas: opts.replicas } : {}),
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { automountServiceAccountToken: false, containers: opts.containers ?? [goodContainer()], ...podSpec } },
    },
  };
}

export function service(name: string, selector: Obj, ports: Obj[] = [{ name: 'http', port: 80, targetPort: 'http' }], ns = 'shop', extra: Obj = {}): Obj {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: ns }, spec: { selector, ports, ...extra } };
}

export function obj(apiVersion: string, kind: string, name: string, rest: Obj = {}, ns: string | null = 'shop'): Obj {
  return { apiVersion, kind, metadata: { name, ...(ns ? { namespace: ns } : {}) }, ...rest };
}
