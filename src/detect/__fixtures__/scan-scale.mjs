// Scale benchmark for the check engine (move to bench/scale/ if wanted). Build first (npx tsc -p tsconfig.build.json), then:
//   node --max-old-space-size=8192 src/detect/__fixtures__/scan-scale.mjs 150000 [k8s]
// Last line: the headline figure.
// Synthetic live cluster: N namespaces × 10 Deployments × 10 replicas (ReplicaSet + Pods with status),
// Services, NetworkPolicies, PDBs, HPAs, ConfigMaps, a quota and LimitRange per namespace, 500 Nodes.
import { buildInventory } from '../../../dist/cmdb/build-inventory.js';
import { runChecks } from '../../../dist/detect/engine.js';
import { allBuiltinChecks, builtinChecks } from '../../../dist/detect/registry.js';
const PODS = Number(process.argv[2] ?? 150000);
const NS = Math.ceil(PODS / 100);
const objs = [];
for (let n = 0; n < 500; n++) objs.push({ apiVersion: 'v1', kind: 'Node', metadata: { name: `node-${n}`, labels: { 'kubernetes.io/hostname': `node-${n}`, 'topology.kubernetes.io/zone': `z${n % 3}` } }, status: { allocatable: { cpu: '16', memory: '64Gi', pods: '110' }, conditions: [{ type: 'Ready', status: n % 97 === 0 ? 'False' : 'True' }] } });
let pods = 0;
for (let i = 0; i < NS; i++) {
  const ns = `team-${i}`;
  objs.push({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
  objs.push({ apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'q', namespace: ns }, spec: { hard: { 'requests.cpu': '100', 'limits.memory': '200Gi', pods: '200' } } });
  objs.push({ apiVersion: 'v1', kind: 'LimitRange', metadata: { name: 'd', namespace: ns }, spec: { limits: [{ type: 'Container', default: { cpu: '500m', memory: '512Mi' }, defaultRequest: { cpu: '100m', memory: '256Mi' } }] } });
  objs.push({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'deny', namespace: ns }, spec: { podSelector: {}, policyTypes: ['Ingress'] } });
  for (let d = 0; d < 10 && pods < PODS; d++) {
    const app = `app-${d}`;
    const tpl = { metadata: { labels: { app } }, spec: { containers: [{ name: 'c', image: `reg/app-${d}:1.${i}`, ports: [{ name: 'http', containerPort: 8080 }], env: [{ name: 'X', valueFrom: { configMapKeyRef: { name: `${app}-cfg`, key: 'x' } } }], resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '256Mi' } }, readinessProbe: { httpGet: { path: '/', port: 'http' } } }] } };
    objs.push({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: app, namespace: ns, uid: `d-${i}-${d}` }, spec: { replicas: 10, selector: { matchLabels: { app } }, template: tpl }, status: { replicas: 10, readyReplicas: d === 3 ? 7 : 10 } });
    objs.push({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: `${app}-abc`, namespace: ns, uid: `rs-${i}-${d}`, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: app, uid: `d-${i}-${d}`, controller: true }] }, spec: { replicas: 10, selector: { matchLabels: { app } }, template: tpl } });
    objs.push({ apiVersion: 'v1', kind: 'Service', metadata: { name: app, namespace: ns }, spec: { selector: { app }, ports: [{ port: 80, targetPort: d === 5 ? 'web' : 'http' }] } });
    objs.push({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: app, namespace: ns }, spec: { podSelector: { matchLabels: { app } }, ingress: [{ from: [{ podSelector: {} }], ports: [{ port: 8080 }] }] } });
    objs.push({ apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: app, namespace: ns }, spec: { maxUnavailable: 1, selector: { matchLabels: { app } } } });
    objs.push({ apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: app, namespace: ns }, spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: app }, minReplicas: 10, maxReplicas: 20, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }] } });
    objs.push({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `${app}-cfg`, namespace: ns }, data: { x: '1' } });
    for (let p = 0; p < 10 && pods < PODS; p++, pods++) {
      const crash = pods % 1000 === 7;
      objs.push({ apiVersion: 'v1', kind: 'Pod', metadata: { name: `${app}-abc-${p}`, namespace: ns, uid: `p-${pods}`, labels: { app }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: `${app}-abc`, uid: `rs-${i}-${d}`, controller: true }] }, spec: { ...tpl.spec, nodeName: `node-${pods % 500}` }, status: { phase: 'Running', containerStatuses: [{ name: 'c', ready: !crash, restartCount: crash ? 12 : 0, state: crash ? { waiting: { reason: 'CrashLoopBackOff' } } : { running: {} } }] } });
    }
  }
}
console.log(`objects ${objs.length}, pods ${pods}`);
const kinds = ['Pod', 'Event', 'Node', 'Namespace', 'ConfigMap', 'Secret', 'ServiceAccount', 'PersistentVolumeClaim', 'PersistentVolume', 'Service', 'Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Ingress', 'NetworkPolicy', 'PodDisruptionBudget', 'HorizontalPodAutoscaler', 'ResourceQuota', 'LimitRange'];
let t = performance.now();
const inv = buildInventory(objs.map((obj) => ({ obj })), { cluster: 'big', live: true, kinds });
const tInv = (performance.now() - t) / 1000;
const set = process.argv[3] === 'k8s' ? builtinChecks : allBuiltinChecks;
t = performance.now();
const r = runChecks(inv, set);
const tScan = (performance.now() - t) / 1000;
const slow = r.outcomes.filter((o) => o.ms).sort((a, b) => b.ms - a.ms).slice(0, 8).map((o) => `${o.id} ${(o.ms / 1000).toFixed(2)}s`);
console.log('slowest:', slow.join(', '));
console.log('errors:', r.outcomes.filter((o) => o.status === 'error').map((o) => `${o.id}: ${o.error}`));
const byCheck = {}; for (const f of r.findings) byCheck[f.checkId] = (byCheck[f.checkId] ?? 0) + 1;
console.log('findings by check:', JSON.stringify(byCheck));
console.log(`scan of ${pods} pods (${objs.length} objects, ${set.length} checks): buildInventory ${tInv.toFixed(1)} s, checks ${tScan.toFixed(1)} s, total ${(tInv + tScan).toFixed(1)} s, ${r.findings.length} findings, heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB`);
