// name-label-mismatch: app.kubernetes.io/instance label differs from the name.
import type { CheckMeta } from '../../check.js';
import { perObject } from '../../util/make.js';
import { deployment, yamlDocs } from '../../util/examples.js';

export const check = perObject({
  id: 'name-label-mismatch', title: 'app.kubernetes.io/instance label differs from the name', category: 'workload', severity: 'info', aliases: ['polaris:metadataAndInstanceMismatched'], needs: [],
  docs: { why: 'Tools and dashboards group by app.kubernetes.io/instance; a copy-pasted value attributes this object to another release.', fix: 'Make app.kubernetes.io/instance match the release/object, or remove it.' },
  examples: { fail: yamlDocs(deployment('web', {}, { meta: { labels: { 'app.kubernetes.io/instance': 'shop-old' } } })), pass: yamlDocs(deployment('web', {}, { meta: { labels: { 'app.kubernetes.io/instance': 'web' } } })) },
} satisfies CheckMeta, ['Deployment', 'StatefulSet', 'DaemonSet'], (w) => {
  const inst = w.ci.labels['app.kubernetes.io/instance'];
  // Helm: instance = release name, object names are usually <release>-<chart>: accept a prefix match.
  return inst && inst !== w.ci.name && !w.ci.name.startsWith(`${inst}-`) && !inst.startsWith(`${w.ci.name}-`) ? { message: `app.kubernetes.io/instance=${inst} but the name is ${w.ci.name}`, evidence: { instance: inst } } : undefined;
});
