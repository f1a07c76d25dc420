import type { Check, CheckMeta } from '../../check.js';
import type { Finding } from '../../../model/finding.js';
import { apps, diffPatch, filesOf, label, linkFinding } from './shared.js';
import { tmaxStack } from './examples.js';

const meta: CheckMeta = {
  id: 'jeus-tibero-driver-class',
  title: 'Tibero data source does not use a Tibero driver class',
  category: 'linkage',
  severity: 'critical',
  aliases: ['JT-DRIVER'],
  needs: [],
  docs: {
    why: 'A data source with vendor tibero needs a class from the Tibero JDBC driver (com.tmax.tibero.jdbc...); another vendor\'s class is not found or cannot talk to Tibero, and the data source is never created.',
    fix: 'Use com.tmax.tibero.jdbc.ext.TbConnectionPoolDataSource (ConnectionPoolDataSource) and ship the Tibero driver jar.',
  },
  examples: { fail: tmaxStack({ domain: (s) => s.replace('com.tmax.tibero.jdbc.ext.TbConnectionPoolDataSource', 'oracle.jdbc.pool.OracleConnectionPoolDataSource') }), pass: tmaxStack() },
};

const WANT = 'com.tmax.tibero.jdbc.ext.TbConnectionPoolDataSource';

export const check: Check = {
  meta,
  run({ inv }) {
    const out: Finding[] = [];
    for (const a of apps(inv, 'jeus')) {
      for (const f of filesOf(a, 'jeus.xml')) {
        for (const d of f.parsed.model.dataSources) {
          const cls = d.className;
          if (!/^tibero$/i.test(d.vendor ?? '') || !cls || /^com\.tmax\.tibero\./.test(cls.value)) continue;
          out.push(
            linkFinding(meta, {
              cis: [a.id],
              message: `JEUS ${label(a)} data source ${d.id} has vendor tibero but class ${cls.value}`,
              evidence: { vendor: d.vendor, 'data-source-class-name': cls.value },
              fix: `set <data-source-class-name> to ${WANT}`,
              patch: diffPatch(f, [{ line: cls.line, from: cls.value, to: WANT }]),
              file: f,
              line: cls.line,
            }),
          );
        }
      }
    }
    return out;
  },
};
