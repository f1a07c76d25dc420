import type { Check, CheckMeta } from '../../check.js';
import type { Finding } from '../../../model/finding.js';
import { diffPatch, jdbcLinks, label, linkFinding, mycnfOf, pgOf, type AppInstance, type ConfigFile, type JdbcLink } from './shared.js';
import { springGet } from '../../../collect/middleware/spring.js';
import { pgInt } from '../../../collect/middleware/postgresql.js';
import { mysqldOptions } from '../../../collect/middleware/mysql.js';
import { ossStack } from './examples.js';

const meta: CheckMeta = {
  id: 'pool-exceeds-db-max-connections',
  title: 'Connection pools over all pods exceed the database connection limit',
  category: 'linkage',
  severity: 'warning',
  aliases: ['AD-POOL-MAXCONN', 'pool-exceeds-db-max-connections'],
  needs: [],
  docs: {
    why: 'Each application pod may open its whole pool; summed over pods (and apps) this must fit max_connections minus the slots PostgreSQL reserves for superusers (MySQL: max_connections). Beyond it the DB refuses clients (53300 too many clients / MySQL 1040) and pools time out.',
    fix: 'Lower the pool size so that pool × replicas ≤ the usable connections, raise max_connections (restart), or put a pooler (PgBouncer) in between.',
  },
  examples: { fail: ossStack({ app: (s) => s.replace('maximum-pool-size: 10', 'maximum-pool-size: 30') }), pass: ossStack() },
};

interface Pool {
  size: number;
  text: string;
  origin: string;
  file?: ConfigFile;
  line?: number;
}

function poolOf(a: AppInstance): Pool | undefined {
  if (a.spring) {
    const p = springGet(a.spring, 'spring.datasource.hikari.maximum-pool-size');
    if (!p) return { size: 10, text: '10', origin: 'HikariCP default' };
    if (!/^\d+$/.test(p.value.trim())) return undefined;
    const file = p.origin === 'file' ? a.files.find((f) => f.parsed.format === 'spring.config' && Object.values(f.parsed.model.props).some((q) => q.key === p.key && q.line === p.line)) : undefined;
    return { size: Number(p.value), text: p.value.trim(), origin: p.origin, file, line: p.line };
  }
  for (const f of a.files) if (f.parsed.format === 'tomcat.xml') for (const r of f.parsed.model.resources) if (r.maxTotal) return { size: r.maxTotal.value, text: String(r.maxTotal.value), origin: 'file', file: f, line: r.maxTotal.line };
  return undefined;
}

function usable(db: AppInstance): { usable: number; evidence: Record<string, number>; text: string } | undefined {
  const pg = pgOf(db);
  if (pg) {
    const max = pgInt(pg.conf, 'max_connections', 100)!;
    const su = pgInt(pg.conf, 'superuser_reserved_connections', 3)!;
    const res = pgInt(pg.conf, 'reserved_connections', 0)!;
    return { usable: max - su - res, evidence: { 'postgres.max_connections': max, superuser_reserved_connections: su, ...(res ? { reserved_connections: res } : {}) }, text: `max_connections ${max} − ${su + res} reserved` };
  }
  const my = mycnfOf(db);
  if (my) {
    const v = mysqldOptions(my.conf).max_connections?.value;
    const max = v && /^\d+$/.test(v) ? Number(v) : 151;
    return { usable: max, evidence: { 'mysql.max_connections': max }, text: `max_connections ${max}` };
  }
  return undefined;
}

export const check: Check = {
  meta,
  run({ inv }) {
    const groups = new Map<string, JdbcLink[]>();
    for (const l of jdbcLinks(inv)) if (l.db && (l.db.product === 'postgresql' || l.db.product === 'mysql')) groups.set(l.db.id, [...(groups.get(l.db.id) ?? []), l]);
    const out: Finding[] = [];
    for (const links of groups.values()) {
      const db = links[0].db!;
      const u = usable(db);
      const pools = links.map((l) => ({ l, p: poolOf(l.app) })).filter((x) => x.p);
      if (!u || !pools.length) continue;
      const total = pools.reduce((s, x) => s + x.p!.size * x.l.app.replicas, 0);
      if (total <= u.usable) continue;
      const reps = pools.reduce((s, x) => s + x.l.app.replicas, 0);
      const want = Math.max(1, Math.floor(u.usable / reps));
      const first = pools[0];
      out.push(
        linkFinding(meta, {
          cis: [first.l.app.id, db.id, ...pools.map((x) => x.l.app.id)],
          message: `${pools.map((x) => `pool ${x.p!.size} × ${x.l.app.replicas} pod(s) of ${label(x.l.app)}`).join(' + ')} = ${total} connections, but ${db.product} ${label(db)} allows ${u.usable} (${u.text})`,
          evidence: { 'hikari.maximum-pool-size': first.p!.size, [`${first.l.app.name}.replicas`]: first.l.app.replicas, total, ...u.evidence },
          fix: `set maximum-pool-size to <= ${want} (${u.usable} / ${reps}), or raise max_connections (restart needed) or put PgBouncer in between`,
          patch: first.p!.file && first.p!.line ? diffPatch(first.p!.file, [{ line: first.p!.line, from: first.p!.text, to: String(want) }]) : undefined,
          file: first.p!.file,
          line: first.p!.line,
        }),
      );
    }
    return out;
  },
};
