import type { Check, CheckMeta } from '../../check.js';
import type { Finding } from '../../../model/finding.js';
import { apps, diffPatch, filesOf, label, linkFinding } from './shared.js';
import { tmaxStack } from './examples.js';
import { closest } from './util.js';

const meta: CheckMeta = {
  id: 'jeus-datasource-ref-undefined',
  title: 'JEUS server references an undefined data source',
  category: 'linkage',
  severity: 'critical',
  aliases: ['JT-DSREF'],
  needs: [],
  docs: {
    why: 'servers/server/data-sources/data-source must name a data-source-id defined under resources; otherwise the JNDI name is not bound and the application fails at deploy or first lookup.',
    fix: 'Reference an existing data-source-id (or define the data source).',
  },
  examples: { fail: tmaxStack({ domain: (s) => s.replace('<data-source>ds_pay</data-source>', '<data-source>ds_payment</data-source>') }), pass: tmaxStack() },
};

export const check: Check = {
  meta,
  run({ inv }) {
    const out: Finding[] = [];
    for (const a of apps(inv, 'jeus')) {
      for (const f of filesOf(a, 'jeus.xml')) {
        const m = f.parsed.model;
        if (m.layout !== 'domain') continue;
        const ids = m.dataSources.map((d) => d.id);
        for (const s of m.servers) {
          for (const ref of s.dataSourceRefs) {
            if (ids.includes(ref.value)) continue;
            const want = closest(ref.value, ids);
            out.push(
              linkFinding(meta, {
                cis: [a.id],
                message: `JEUS ${label(a)} server ${s.name} references data source '${ref.value}', defined ones: ${ids.join(', ') || 'none'}`,
                evidence: { server: s.name, reference: ref.value, defined: ids },
                fix: want ? `reference '${want}' (or define a data source with data-source-id ${ref.value})` : `define a data source with data-source-id ${ref.value}`,
                patch: want ? diffPatch(f, [{ line: ref.line, from: ref.value, to: want }]) : undefined,
                file: f,
                line: ref.line,
              }),
            );
          }
        }
      }
    }
    return out;
  },
};
