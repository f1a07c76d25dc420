import type { Check, CheckMeta } from '../../check.js';
import { diffPatch, label, linkFinding, jtLinks } from './shared.js';
import { tmaxStack } from './examples.js';

const meta: CheckMeta = {
  id: 'jeus-tibero-dbname-mismatch',
  title: 'JEUS data source database-name is not the Tibero DB_NAME',
  category: 'linkage',
  severity: 'critical',
  aliases: ['JT-DBNAME'],
  needs: [],
  docs: {
    why: 'The data source database-name must be the DB_NAME of the Tibero instance behind the host; another name fails the connection at login.',
    fix: 'Set <database-name> to the DB_NAME of the .tip.',
  },
  examples: { fail: tmaxStack({ domain: (s) => s.replace('<database-name>PAYDB<', '<database-name>PAY<') }), pass: tmaxStack() },
};

export const check: Check = {
  meta,
  run({ inv }) {
    return jtLinks(inv).flatMap((l) => {
      const want = l.tip?.params.dbName?.value;
      const have = l.ds.databaseName;
      if (!l.tibero || !want || !have || have.value.toUpperCase() === want.toUpperCase()) return [];
      return [
        linkFinding(meta, {
          cis: [l.jeus.id, l.tibero.id],
          message: `JEUS ${label(l.jeus)} data source ${l.ds.id} uses database-name ${have.value}, but Tibero ${label(l.tibero)} is DB_NAME=${want}`,
          evidence: { [`jeus.${l.ds.id}.database-name`]: have.value, 'tibero.DB_NAME': want },
          fix: `set <database-name> of ${l.ds.id} to ${want}`,
          patch: diffPatch(l.file, [{ line: have.line, from: have.value, to: want }]),
          file: l.file,
          line: have.line,
        }),
      ];
    });
  },
};
