// Generates a synthetic cluster dump shaped like `kubectl get -A -o json` output, one List file
// per namespace plus one for cluster-scoped objects. Deterministic (seeded), so runs compare.
//   node bench/scale/generate.mjs --pods 150000 --nodes 5000 --out DIR
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const args = Object.fromEntries(process.argv.slice(2).join(' ').split('--').filter(Boolean).map((a) => a.trim().split(/\s+/)));
const PODS = Number(args.pods ?? 1000);
const NODES = Number(args.nodes ?? 50);
const OUT = args.out ?? '.bench-out/scale';
const PODS_PER_DEPLOY = 30;
const DEPLOYS_PER_NS = 10;

let seed = 42;
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const uid = (() => { let n = 0; return () => `00000000-0000-4000-8000-${(n++).toString(16).padStart(12, '0')}`; })();
const hex = (n) => Array.from({ length: n }, () => Math.floor(rnd() * 16).toString(16)).join('');

mkdirSync(OUT, { recursive: true });
const t0 = '2026-11-01T00:00:00Z';
const nodes = [];
for (let i = 0; i < NODES; i++) {
  nodes.push({
    apiVersion: 'v1', kind: 'Node',
    metadata: { name: `node-${i}`, uid: uid(), labels: { 'kubernetes.io/hostname': `node-${i}`, 'topology.kubernetes.io/zone': `zone-${i % 3}`, 'node.kubernetes.io/instance-type': 'm5.xlarge' }, creationTimestamp: t0 },
    spec: { podCIDR: `10.${(i >> 8) & 255}.${i & 255}.0/24`, providerID: `aws:///zone-${i % 3}/i-${hex(17)}` },
    status: {
      capacity: { cpu: '4', memory: '16Gi', pods: '110' }, allocatable: { cpu: '3920m', memory: '15Gi', pods: '110' },
      conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady', lastHeartbeatTime: t0, lastTransitionTime: t0 },
        { type: 'MemoryPressure', status: 'False', reason: 'KubeletHasSufficientMemory', lastHeartbeatTime: t0, lastTransitionTime: t0 }],
      nodeInfo: { kubeletVersion: 'v1.31.2', osImage: 'Bottlerocket', containerRuntimeVersion: 'containerd://1.7.22' },
    },
  });
}
const clusterItems = [...nodes, { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'gp3' }, provisioner: 'ebs.csi.aws.com' }];

const deployments = Math.ceil(PODS / PODS_PER_DEPLOY);
const namespaces = Math.ceil(deployments / DEPLOYS_PER_NS);
let podCount = 0;
let objects = clusterItems.length;
for (let n = 0; n < namespaces; n++) {
  const ns = `team-${n}`;
  const items = [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns, uid: uid(), labels: { 'kubernetes.io/metadata.name': ns } } },
    { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'quota', namespace: ns, uid: uid() }, spec: { hard: { 'requests.cpu': '400', 'requests.memory': '800Gi' } } },
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: ns, uid: uid() } }];
  for (let d = 0; d < DEPLOYS_PER_NS && podCount < PODS; d++) {
    const app = `svc-${d}`;
    const labels = { app, 'app.kubernetes.io/name': app, 'app.kubernetes.io/part-of': ns };
    const dUid = uid(), rsUid = uid(), hash = hex(10);
    const replicas = Math.min(PODS_PER_DEPLOY, PODS - podCount);
    const container = (i) => ({
      name: app, image: `registry.example.com/${ns}/${app}:1.${d}.${i}`, imagePullPolicy: 'IfNotPresent',
      ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }],
      env: [{ name: 'LOG_LEVEL', value: 'info' }, { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: `${app}-db`, key: 'password' } } }],
      envFrom: [{ configMapRef: { name: `${app}-env` } }],
      resources: { requests: { cpu: '100m', memory: '256Mi' }, limits: { cpu: '1', memory: '512Mi' } },
      readinessProbe: { httpGet: { path: '/ready', port: 'http' }, periodSeconds: 5 },
      livenessProbe: { httpGet: { path: '/live', port: 'http' }, periodSeconds: 10 },
      volumeMounts: [{ name: 'config', mountPath: '/etc/app' }, { name: 'kube-api-access', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', readOnly: true }],
    });
    const volumes = [{ name: 'config', configMap: { name: `${app}-config` } },
      { name: 'kube-api-access', projected: { sources: [{ serviceAccountToken: { path: 'token', expirationSeconds: 3607 } }, { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } }] } }];
    const template = { metadata: { labels: { ...labels, 'pod-template-hash': hash } }, spec: { serviceAccountName: 'default', containers: [container(0)], volumes } };
    items.push(
      { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: app, namespace: ns, uid: dUid, labels, generation: 3 }, spec: { replicas, selector: { matchLabels: { app } }, template: { metadata: { labels }, spec: template.spec } }, status: { replicas, readyReplicas: replicas, availableReplicas: replicas, observedGeneration: 3 } },
      { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: `${app}-${hash}`, namespace: ns, uid: rsUid, labels: template.metadata.labels, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: app, uid: dUid, controller: true }] }, spec: { replicas, selector: { matchLabels: { app, 'pod-template-hash': hash } }, template }, status: { replicas, readyReplicas: replicas } },
      { apiVersion: 'v1', kind: 'Service', metadata: { name: app, namespace: ns, uid: uid() }, spec: { type: 'ClusterIP', clusterIP: `172.20.${n & 255}.${d}`, selector: { app }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] } },
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `${app}-config`, namespace: ns, uid: uid() }, data: { 'app.yaml': `server:\n  port: 8080\nname: ${app}\n` } },
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `${app}-env`, namespace: ns, uid: uid() }, data: { MODE: 'prod' } },
      { apiVersion: 'v1', kind: 'Secret', metadata: { name: `${app}-db`, namespace: ns, uid: uid() }, type: 'Opaque', data: { password: Buffer.from(hex(16)).toString('base64') } },
      { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: app, namespace: ns, uid: uid() }, spec: { maxUnavailable: 1, selector: { matchLabels: { app } } } },
    );
    const slice = { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: `${app}-${hex(5)}`, namespace: ns, uid: uid(), labels: { 'kubernetes.io/service-name': app } }, addressType: 'IPv4', ports: [{ name: 'http', port: 8080 }], endpoints: [] };
    for (let p = 0; p < replicas; p++, podCount++) {
      const name = `${app}-${hash}-${hex(5)}`;
      const node = `node-${Math.floor(rnd() * NODES)}`;
      const ip = `10.${(podCount >> 16) & 255}.${(podCount >> 8) & 255}.${podCount & 255}`;
      items.push({
        apiVersion: 'v1', kind: 'Pod',
        metadata: { name, namespace: ns, uid: uid(), labels: template.metadata.labels, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: `${app}-${hash}`, uid: rsUid, controller: true }], creationTimestamp: t0 },
        spec: { ...template.spec, nodeName: node, restartPolicy: 'Always', dnsPolicy: 'ClusterFirst', schedulerName: 'default-scheduler' },
        status: { phase: 'Running', podIP: ip, hostIP: '192.168.0.1', startTime: t0, qosClass: 'Burstable',
          conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: t0 }, { type: 'ContainersReady', status: 'True', lastTransitionTime: t0 }],
          containerStatuses: [{ name: app, ready: true, restartCount: Math.floor(rnd() * 2), image: `registry.example.com/${ns}/${app}:1.${d}.0`, imageID: `sha256:${hex(64)}`, containerID: `containerd://${hex(64)}`, started: true, state: { running: { startedAt: t0 } } }] },
      });
      slice.endpoints.push({ addresses: [ip], conditions: { ready: true }, nodeName: node, targetRef: { kind: 'Pod', name, namespace: ns } });
    }
    items.push(slice);
  }
  objects += items.length;
  writeFileSync(join(OUT, `${ns}.json`), JSON.stringify({ apiVersion: 'v1', kind: 'List', items }));
}
writeFileSync(join(OUT, `cluster.json`), JSON.stringify({ apiVersion: 'v1', kind: 'List', items: clusterItems }));
console.log(JSON.stringify({ objects, pods: podCount, nodes: NODES, namespaces, out: OUT }));
