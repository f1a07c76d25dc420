import type { Check, CheckMeta } from '../../check.js';
import type { Finding } from '../../../model/finding.js';
import { apps, diffPatch, label, linkFinding, portsTo, tbdsnOf, tipOf } from './shared.js';
import { resolveHost } from '../../../collect/middleware/discover.js';
import { applicationsOf } from '../../../collect/middleware/discover.js';
import { tmaxStack } from './examples.js';

const meta: CheckMeta = {
  id: 'tibero-tbdsn-mismatch',
  title: 'tbdsn.tbr alias does not match the Tibero listener or DB_NAME',
  category: 'linkage',
  severity: 'warning',
  aliases: ['TB-TBDSN'],
  needs: [],
  docs: {
    why: 'tbsql, batch jobs and native clients connect through the tbdsn.tbr aliases; an alias for this database with another port or DB_NAME fails with TBR-2131 or a login error while JDBC clients work.',
    fix: 'Use LISTENER_PORT (or the Service port forwarding to it) and DB_NAME in the alias.',
  },
  examples: { fail: tmaxStack({ tbdsn: (s) => s.replace('(PORT=8629)', '(PORT=8630)') }), pass: tmaxStack() },
};

const LOCAL = /^(127\.0\.0\.1|localhost|::1)$/i;

export const check: Check = {
  meta,
  run({ inv }) {
    const out: Finding[] = [];
    const all = applicationsOf(inv).apps;
    for (const a of apps(inv, 'tibero')) {
      const t = tipOf(a);
      const d = tbdsnOf(a);
      const lp = t?.params.listenerPort?.value;
      const db = t?.params.dbName?.value;
      if (!t || !d || lp === undefined) continue;
      for (const al of d.aliases) {
        if (al.gateway || !al.host || !al.port) continue;
        let allowed: number[];
        if (LOCAL.test(al.host.value)) allowed = [lp];
        else {
          const r = resolveHost(inv, all, { ...a, id: `${a.id}#client`, product: 'spring' }, al.host.value, ['tibero']);
          if (!r.apps.some((x) => x.id === a.id)) continue; // an alias for another database
          allowed = r.service ? portsTo(inv, r.service, lp).map((p) => p.port) : [lp];
          if (!allowed.length) continue; // the Service itself is wrong: tibero-service-port-mismatch
        }
        if (!allowed.includes(al.port.value)) {
          out.push(linkFinding(meta, {
            cis: [a.id],
            message: `Tibero ${label(a)}: tbdsn alias ${al.name} uses PORT=${al.port.value}, the listener is reached on ${allowed.join(' or ')}`,
            evidence: { alias: al.name, 'tbdsn.PORT': al.port.value, 'tibero.LISTENER_PORT': lp },
            fix: `set (PORT=${allowed[0]}) in alias ${al.name}`,
            patch: diffPatch(d.file, [{ line: al.port.line, from: String(al.port.value), to: String(allowed[0]) }]),
            file: d.file,
            line: al.port.line,
          }));
        } else if (db && al.dbName && al.dbName.value.toUpperCase() !== db.toUpperCase()) {
          out.push(linkFinding(meta, {
            cis: [a.id],
            message: `Tibero ${label(a)}: tbdsn alias ${al.name} names DB_NAME=${al.dbName.value}, the instance is ${db}`,
            evidence: { alias: al.name, 'tbdsn.DB_NAME': al.dbName.value, 'tibero.DB_NAME': db },
            fix: `set (DB_NAME=${db}) in alias ${al.name}`,
            patch: diffPatch(d.file, [{ line: al.dbName.line, from: al.dbName.value, to: db }]),
            file: d.file,
            line: al.dbName.line,
          }));
        }
      }
    }
    return out;
  },
};
