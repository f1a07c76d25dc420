import type { Check, CheckMeta } from '../../check.js';
import type { Finding } from '../../../model/finding.js';
import { apps, diffPatch, label, linkFinding, webtobOf } from './shared.js';
import { tmaxStack } from './examples.js';
import { closest } from './util.js';

const meta: CheckMeta = {
  id: 'webtob-uri-unknown-server',
  title: 'WebtoB *URI/*EXT routes to a JSV server that does not exist',
  category: 'linkage',
  severity: 'critical',
  aliases: ['WJ-URI'],
  needs: [],
  docs: {
    why: 'A *URI or *EXT entry with SvrType = JSV sends its requests to the *SERVER named in SvrName; if no JSV server has that name the requests fail (503/404) even though JEUS is attached.',
    fix: 'Point SvrName at an existing *SERVER of a JSV group.',
  },
  examples: { fail: tmaxStack({ httpm: (s) => s.replace('SvrName = "paysvr"', 'SvrName = "paysrv"') }), pass: tmaxStack() },
};

export const check: Check = {
  meta,
  run({ inv }) {
    const out: Finding[] = [];
    for (const a of apps(inv, 'webtob')) {
      const w = webtobOf(a);
      if (!w) continue;
      const names = w.view.jsvServers.map((s) => s.name);
      for (const u of w.view.uris) {
        if (u.svrType?.toUpperCase() !== 'JSV' || !u.svrName || names.includes(u.svrName)) continue;
        const want = closest(u.svrName, names);
        out.push(
          linkFinding(meta, {
            cis: [a.id],
            message: `WebtoB ${label(a)}: ${u.uri ? `*URI ${u.name} (${u.uri})` : `*EXT ${u.name}`} routes to SvrName '${u.svrName}', which is not a JSV *SERVER (${names.join(', ') || 'none defined'})`,
            evidence: { entry: u.name, uri: u.uri, SvrName: u.svrName, 'webtob.jsv_servers': names },
            fix: want ? `set SvrName of ${u.name} to "${want}"` : `define a *SERVER in a SVRTYPE = JSV group named ${u.svrName}`,
            patch: want && u.svrNameLine ? diffPatch(w.file, [{ line: u.svrNameLine, from: u.svrName, to: want }]) : undefined,
            file: w.file,
            line: u.svrNameLine ?? u.line,
          }),
        );
      }
    }
    return out;
  },
};
