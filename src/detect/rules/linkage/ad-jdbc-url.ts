import type { Check, CheckMeta } from '../../check.js';
import type { Finding } from '../../../model/finding.js';
import { diffPatch, jdbcLinks, label, linkFinding, mycnfOf, pgOf, portsTo, type AppInstance } from './shared.js';
import { servicesFor, rewriteHost } from './hosts.js';
import { pgInt } from '../../../collect/middleware/postgresql.js';
import { mysqldOptions } from '../../../collect/middleware/mysql.js';
import { ossStack } from './examples.js';

const meta: CheckMeta = {
  id: 'jdbc-url-target',
  title: 'JDBC URL does not reach the database Service and port',
  category: 'linkage',
  severity: 'critical',
  aliases: ['AD-JDBC-URL'],
  needs: [],
  docs: {
    why: 'The JDBC URL host must be the Service in front of the database pods and the port a Service port that forwards to the database listener; otherwise connections fail (UnknownHost, refused, timeouts) and every DB request errors.',
    fix: 'Fix host and port in the JDBC URL.',
  },
  examples: { fail: ossStack({ app: (s) => s.replace('//pg:5432/', '//pg:5433/') }), pass: ossStack() },
};

function dbPort(db: AppInstance): number | undefined {
  const pg = pgOf(db);
  if (pg) return pgInt(pg.conf, 'port', 5432);
  const my = mycnfOf(db);
  if (my) {
    const v = mysqldOptions(my.conf).port?.value;
    return v && /^\d+$/.test(v) ? Number(v) : 3306;
  }
  return undefined;
}

export const check: Check = {
  meta,
  run({ inv }) {
    const out: Finding[] = [];
    for (const l of jdbcLinks(inv)) {
      const edit = (from: string, to: string) => (l.file && l.line ? diffPatch(l.file, [{ line: l.line, from, to }]) : undefined);
      if (!l.res.service && l.res.clusterName) {
        const target = l.res.apps.length === 1 ? l.res.apps[0] : undefined;
        const svc = target ? servicesFor(inv, target)[0] : undefined;
        const newHost = svc ? rewriteHost(l.host, svc.ci.name, svc.ci.namespace) : undefined;
        out.push(linkFinding(meta, {
          cis: [l.app.id, target?.id],
          message: `${l.app.product} ${label(l.app)} JDBC URL host ${l.host} is no Service in namespace ${l.res.namespace}`,
          evidence: { 'jdbc-url': l.url, origin: l.origin },
          fix: newHost ? `use ${newHost} as host in the JDBC URL` : 'use the database Service name as host in the JDBC URL',
          patch: newHost ? edit(l.host, newHost) : undefined,
          file: l.file,
          line: l.line,
        }));
        continue;
      }
      if (!l.res.service || !l.db || l.port === undefined) continue;
      const lp = dbPort(l.db);
      if (lp === undefined) continue;
      const allowed = portsTo(inv, l.res.service, lp).map((p) => p.port);
      if (!allowed.length || allowed.includes(l.port)) continue;
      out.push(linkFinding(meta, {
        cis: [l.app.id, l.db.id, l.res.service],
        message: `${l.app.product} ${label(l.app)} JDBC URL uses port ${l.port}, but Service ${l.res.service.ci.name} reaches ${l.db.product} ${label(l.db)} (port ${lp}) on ${allowed.join(', ')}`,
        evidence: { 'jdbc-url': l.url, origin: l.origin, [`service.${l.res.service.ci.name}.port`]: allowed, 'db.port': lp },
        fix: `use port ${allowed[0]} in the JDBC URL${l.origin !== 'file' ? ` (set in ${l.origin})` : ''}`,
        patch: edit(`${l.host}:${l.port}`, `${l.host}:${allowed[0]}`),
        file: l.file,
        line: l.line,
      }));
    }
    return out;
  },
};
