// A pod (template) references a ConfigMap/Secret/PVC/ServiceAccount that is not in the inventory: the
// check factory behind the *-ref-missing checks. Uses the declared relations the CMDB marks `dangling`;
// optional references are fine.
import type { Check, CheckMeta } from '../../check.js';
import type { Finding } from '../../../model/finding.js';
import { parseCiId } from '../../../model/ci.js';
import { finding } from '../../util/finding.js';

/** Objects the cluster creates itself, so manifests never contain them. */
const IMPLICIT: Record<string, Set<string>> = { ConfigMap: new Set(['kube-root-ca.crt', 'openshift-service-ca.crt']), ServiceAccount: new Set(['default']) };

export function refMissing(meta: CheckMeta, kind: string, filter: (evidence: Record<string, unknown>) => boolean = () => true): Check {
  return {
    meta,
    run(ctx) {
      const out: Finding[] = [];
      const seen = new Set<string>();
      for (const r of ctx.inv.relations) {
        if (!r.dangling || (r.type !== 'mounts' && r.type !== 'uses')) continue;
        const to = parseCiId(r.to);
        if (!to || to.kind !== kind || IMPLICIT[kind]?.has(to.name)) continue;
        const ev = r.evidence ?? {};
        if (ev.optional === true || !filter(ev)) continue;
        const from = ctx.inv.get(r.from);
        if (!from) continue;
        const key = `${r.from}|${r.to}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const how = ev.volume ? `volume ${ev.volume}` : ev.env ? `env ${ev.env} of container ${ev.container}` : ev.field === 'envFrom' ? `envFrom of container ${ev.container}` : String(ev.field ?? 'a reference');
        out.push(finding(meta, from, {
          message: `${from.ci.kind} ${from.ci.name} references ${kind} ${to.name} (${how}), which does not exist in namespace ${to.namespace}`,
          evidence: { missing: `${kind}/${to.name}`, namespace: to.namespace, ...ev },
          also: [r.to],
          fix: `Create ${kind} ${to.name} in ${to.namespace}, fix the name, or mark the reference optional.`,
        }));
      }
      return out;
    },
  };
}

/** The docs of a missing-reference check: pods do not start, with this symptom. */
export const docs = (kind: string, symptom: string) => ({ why: `Pods that reference a missing ${kind} do not start: ${symptom}.`, fix: `Create the ${kind} or fix the reference.` });
