import type { Check, CheckMeta } from '../../check.js';
import type { Finding } from '../../../model/finding.js';
import { apps, diffPatch, label, linkFinding, mycnfOf, num, pgOf } from './shared.js';
import { pgInt, pgMemory } from '../../../collect/middleware/postgresql.js';
import { mysqldOptions, mysqlSize } from '../../../collect/middleware/mysql.js';
import { ossStack } from './examples.js';
import { ceilGi, human, sizeGM, sizePg } from './util.js';

const MB = 1024 ** 2;

const meta: CheckMeta = {
  id: 'db-memory-exceeds-container-limit',
  title: 'Database memory settings exceed the container memory limit',
  category: 'linkage',
  severity: 'critical',
  aliases: ['DB-MEM-LIMIT', 'db-memory-exceeds-container-limit'],
  needs: [],
  docs: {
    why: 'Shared buffers plus per-connection work memory are charged to the container; a rough sum (PostgreSQL shared_buffers + max_connections × work_mem; MySQL buffer pool + per-thread buffers) above the limit ends in OOMKilled, and clients see "the database system is in recovery mode" (57P03) while it restarts.',
    fix: 'Set shared_buffers to about 25% of the memory limit (InnoDB buffer pool ~50%), or raise the limit.',
  },
  examples: { fail: ossStack({ pg: (s) => s.replace('shared_buffers = 256MB', 'shared_buffers = 1GB') }), pass: ossStack() },
};

export const check: Check = {
  meta,
  run({ inv, options }) {
    const ratio = num(options.maxRatioPercent) ?? 90;
    const out: Finding[] = [];
    for (const a of apps(inv)) {
      if (!a.memoryLimit) continue;
      const limit = a.memoryLimit;
      const pg = a.product === 'postgresql' ? pgOf(a) : undefined;
      if (pg) {
        const sb = pgMemory(pg.conf, 'shared_buffers')!;
        const wm = pgMemory(pg.conf, 'work_mem')!;
        const mc = pgInt(pg.conf, 'max_connections', 100)!;
        const est = sb + mc * wm;
        if (est * 100 <= limit * ratio) continue;
        const sbLine = pg.conf.settings.shared_buffers;
        const want = sizePg(Math.floor((limit * 0.25) / MB) * MB);
        out.push(linkFinding(meta, {
          cis: [a.id, a.workload],
          message: `PostgreSQL ${label(a)}: shared_buffers ${sbLine?.value ?? '128MB'} + max_connections ${mc} × work_mem ${pg.conf.settings.work_mem?.value ?? '4MB'} ≈ ${human(est)} does not fit the container memory limit ${human(limit)}`,
          evidence: { shared_buffers: sbLine?.value ?? '128MB (default)', work_mem_x_max_connections: `${Math.round((mc * wm) / MB)}MB`, 'container.limits.memory': human(limit) },
          fix: `set shared_buffers to about 25% of the limit (${want}) or raise the memory limit to >= ${ceilGi(est / 0.85)}`,
          patch: sbLine ? diffPatch(pg.file, [{ line: sbLine.line, from: sbLine.value, to: want }]) : undefined,
          file: pg.file,
          line: sbLine?.line,
        }));
        continue;
      }
      const my = a.product === 'mysql' ? mycnfOf(a) : undefined;
      if (my) {
        const o = mysqldOptions(my.conf);
        const bp = mysqlSize(o, 'innodb_buffer_pool_size', '128M')!;
        const mc = o.max_connections && /^\d+$/.test(o.max_connections.value) ? Number(o.max_connections.value) : 151;
        const perThread = ['sort_buffer_size:256K', 'join_buffer_size:256K', 'read_buffer_size:128K', 'read_rnd_buffer_size:256K', 'thread_stack:1M'].reduce((s, kv) => {
          const [k, d] = kv.split(':');
          return s + (mysqlSize(o, k, d) ?? 0);
        }, 0);
        const est = bp + (mysqlSize(o, 'key_buffer_size', '8M') ?? 0) + mc * perThread;
        if (est * 100 <= limit * ratio) continue;
        const line = o.innodb_buffer_pool_size;
        const want = sizeGM(Math.floor((limit * 0.5) / MB) * MB);
        out.push(linkFinding(meta, {
          cis: [a.id, a.workload],
          message: `MySQL ${label(a)}: innodb_buffer_pool_size ${line?.value ?? '128M'} + ${mc} connections × ~${Math.round(perThread / MB)}MB ≈ ${human(est)} does not fit the container memory limit ${human(limit)}`,
          evidence: { innodb_buffer_pool_size: line?.value ?? '128M (default)', max_connections: mc, 'container.limits.memory': human(limit) },
          fix: `set innodb_buffer_pool_size to about 50% of the limit (${want}) or raise the memory limit to >= ${ceilGi(est / 0.85)}`,
          patch: line ? diffPatch(my.file, [{ line: line.line, from: line.value, to: want }]) : undefined,
          file: my.file,
          line: line?.line,
        }));
      }
    }
    return out;
  },
};


