// Normalised facts about an application instance, for ConfigSpace constraints: the same names
// whatever the product's own key spelling (bytes for sizes, plain counts), plus what Kubernetes
// gives it (replicas, memory limit, room left in the namespace quota).
import type { Inventory } from '../cmdb/inventory.js';
import type { AppInstance } from '../collect/middleware/discover.js';
import { parseQuantity } from '../collect/middleware/sizes.js';
import { springGet } from '../collect/middleware/spring.js';
import { pgInt, pgMemory } from '../collect/middleware/postgresql.js';
import { mysqldOptions, mysqlSize } from '../collect/middleware/mysql.js';
import type { At } from '../collect/middleware/types.js';

export type Facts = Record<string, number | string | boolean>;

/** Raw configuration keys of the app as written (for required/range rules), with their file and line. */
export function rawKeys(a: AppInstance): Record<string, At & { file: string }> {
  const out: Record<string, At & { file: string }> = {};
  for (const f of a.files) {
    const file = f.diskPath ?? f.display;
    const p = f.parsed;
    const put = (k: string, v: At) => void (out[k] ??= { ...v, file });
    if (p.format === 'tibero.tip') for (const [k, v] of Object.entries(p.model.params)) put(k, v);
    if (p.format === 'postgresql.conf') for (const [k, v] of Object.entries(p.model.settings)) put(k, v);
    if (p.format === 'mysql.cnf') for (const [k, v] of Object.entries(mysqldOptions(p.model))) put(k, v);
    if (p.format === 'webtob.http.m') for (const [sec, entries] of Object.entries(p.model.sections)) for (const e of entries) for (const it of Object.values(e.items)) put(`${sec}.${it.key.toUpperCase()}`, { value: it.value, line: it.line });
    if (p.format === 'spring.config') for (const v of Object.values(p.model.props)) put(v.key, { value: v.value, line: v.line ?? 1 });
    if (p.format === 'nginx.conf') for (const d of p.directives) if (!d.block) put(d.name, { value: d.args.join(' '), line: d.line });
    if (p.format === 'jeus.xml') {
      for (const d of p.model.dataSources) {
        if (d.portNumber) put(`data-source.${d.id}.port-number`, { value: String(d.portNumber.value), line: d.portNumber.line });
        if (d.poolMax) put(`data-source.${d.id}.pooling.max`, { value: String(d.poolMax.value), line: d.poolMax.line });
      }
      for (const c of p.model.connectors) {
        if (c.port) put(`webtob-connector.${c.name}.port`, { value: String(c.port.value), line: c.port.line });
        if (c.threads) put(`webtob-connector.${c.name}.thread-pool.number`, { value: String(c.threads.value), line: c.threads.line });
      }
    }
  }
  return out;
}

/** Memory left for this app's workload under the namespace ResourceQuota (limits.memory), if any. */
export function quotaRoom(inv: Inventory, a: AppInstance): number | undefined {
  if (!a.workload || !a.namespace) return undefined;
  let hard: number | undefined;
  for (const q of inv.byKind('ResourceQuota')) {
    if (q.ci.namespace !== a.namespace) continue;
    const h = parseQuantity(q.obj.spec?.hard?.['limits.memory']);
    if (h !== undefined) hard = Math.min(hard ?? Infinity, h);
  }
  if (hard === undefined) return undefined;
  let used = 0;
  for (const t of inv.podTemplates) {
    if (t.isPod || t.owner.ci.namespace !== a.namespace || t.owner.ci.id === a.workload.ci.id) continue;
    for (const c of t.spec.containers ?? []) used += (parseQuantity(c.resources?.limits?.memory) ?? 0) * (t.replicas ?? 1);
  }
  return hard - used;
}

export function factsOf(inv: Inventory, a: AppInstance): Facts {
  const f: Facts = { product: a.product, name: a.name, namespace: a.namespace, replicas: a.replicas };
  const set = (k: string, v: number | string | undefined) => {
    if (v !== undefined && !(typeof v === 'number' && !Number.isFinite(v))) f[k] = v;
  };
  set('memory_limit', a.memoryLimit);
  set('memory_request', a.memoryRequest);
  set('quota_room', quotaRoom(inv, a));
  for (const file of a.files) {
    const p = file.parsed;
    if (p.format === 'tibero.tip') {
      set('listener_port', p.params.listenerPort?.value);
      set('max_sessions', p.params.maxSessionCount?.value);
      set('memory_target', p.params.memoryTarget?.value);
      set('total_shm', p.params.totalShmSize?.value);
      set('db_cache', p.params.dbCacheSize?.value);
      set('log_buffer', p.params.logBuffer?.value);
    }
    if (p.format === 'jeus.xml') {
      set('pool_max', p.model.dataSources.reduce((s, d) => s + (d.poolMax?.value ?? 0), 0) || undefined);
      set('threads', p.model.connectors.reduce((s, c) => s + (c.threads?.value ?? 0), 0) || undefined);
    }
    if (p.format === 'webtob.http.m') {
      set('jsv_port', p.view.nodes[0]?.jsvPort);
      set('max_proc', p.view.jsvServers.reduce((s, x) => s + (x.maxProc ?? 0), 0) || undefined);
    }
    if (p.format === 'postgresql.conf') {
      set('max_connections', pgInt(p.model, 'max_connections', 100));
      set('reserved_connections', (pgInt(p.model, 'superuser_reserved_connections', 3) ?? 0) + (pgInt(p.model, 'reserved_connections', 0) ?? 0));
      set('shared_buffers', pgMemory(p.model, 'shared_buffers'));
      set('work_mem', pgMemory(p.model, 'work_mem'));
      set('port', pgInt(p.model, 'port', 5432));
    }
    if (p.format === 'mysql.cnf') {
      const o = mysqldOptions(p.model);
      set('max_connections', o.max_connections && /^\d+$/.test(o.max_connections.value) ? Number(o.max_connections.value) : 151);
      set('reserved_connections', 0);
      set('buffer_pool', mysqlSize(o, 'innodb_buffer_pool_size', '128M'));
    }
  }
  if (a.spring) {
    const n = (k: string, d?: number) => {
      const p = springGet(a.spring!, k);
      return p ? (/^\d+$/.test(p.value.trim()) ? Number(p.value) : undefined) : d;
    };
    set('pool_max', n('spring.datasource.hikari.maximum-pool-size', 10));
    set('port', n('server.port', 8080));
    set('threads', n('server.tomcat.threads.max', 200));
  }
  return f;
}

/** Facts as CEL input: integers become CEL ints (bigint), so `x * 2 <= y` works without casts. */
export function celFacts(f: Facts): Record<string, bigint | number | string | boolean> {
  const out: Record<string, bigint | number | string | boolean> = {};
  for (const [k, v] of Object.entries(f)) out[k] = typeof v === 'number' && Number.isInteger(v) ? BigInt(v) : v;
  return out;
}
