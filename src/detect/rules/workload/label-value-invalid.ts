// label-value-invalid: Invalid label value.
import type { Check } from '../../check.js';
import type { Finding } from '../../../model/finding.js';
import { finding } from '../../util/finding.js';
import { obj, yamlDocs } from '../../util/examples.js';

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

export const check: Check = {
  meta: {
    id: 'label-value-invalid', title: 'Invalid label value', category: 'workload', severity: 'warning',
    aliases: ['kube-score:label-values'], needs: [],
    docs: { why: 'Label values longer than 63 characters or with characters other than alphanumerics, -, _ and . are rejected by the API server.', fix: 'Shorten or clean the label value (put free text in an annotation).' },
    examples: { fail: yamlDocs(obj('v1', 'ConfigMap', 'c', { metadata: { name: 'c', namespace: 'shop', labels: { owner: 'team a/b' } } })), pass: yamlDocs(obj('v1', 'ConfigMap', 'c', { metadata: { name: 'c', namespace: 'shop', labels: { owner: 'team-a.b' } } })) },
  },
  run(ctx) {
    const out: Finding[] = [];
    for (const item of ctx.inv.items) {
      const bad = Object.entries(item.obj.metadata?.labels ?? {}).filter(([, v]) => typeof v !== 'string' || v.length > 63 || !LABEL_VALUE.test(v));
      if (bad.length) out.push(finding(this.meta, item, { message: `label ${bad.map(([k, v]) => `${k}="${v}"`).join(', ')} is not a valid label value`, evidence: { labels: Object.fromEntries(bad) } }));
    }
    return out;
  },
};
