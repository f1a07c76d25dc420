import type { CheckMeta } from '../../check.js';
import { perTemplate } from '../../util/make.js';
import { deployment, yamlDocs } from '../../util/examples.js';
import { selectorMatches, selectorText } from '../../util/labels.js';

const meta: CheckMeta = {
  id: 'selector-template-mismatch',
  title: 'Workload selector does not match its pod template',
  category: 'workload',
  severity: 'critical',
  aliases: ['kube-score:deployment-pod-selector-labels-match-template-metadata-labels', 'kube-linter:mismatching-selector'],
  needs: [],
  docs: {
    why: 'The API server rejects a Deployment/StatefulSet/DaemonSet whose selector does not match its template labels; for CRD workloads the controller creates pods it then cannot find.',
    fix: 'Make `spec.selector.matchLabels` a subset of `spec.template.metadata.labels`.',
  },
  examples: {
    fail: yamlDocs({ ...deployment('web'), spec: { ...deployment('web').spec, selector: { matchLabels: { app: 'website' } } } }),
    pass: yamlDocs(deployment('web')),
  },
};

export const check = perTemplate(meta, (tpl) => {
  if (tpl.isPod || tpl.path !== '$.spec.template.spec') return undefined;
  const sel = tpl.owner.obj.spec?.selector;
  if (!sel || typeof sel !== 'object') return undefined;
  // Legacy (extensions/v1beta1, ReplicationController) selectors are plain maps.
  const structured = 'matchLabels' in sel || 'matchExpressions' in sel ? sel : { matchLabels: sel };
  return selectorMatches(structured, tpl.labels) ? undefined : { message: `selector ${selectorText(structured)} does not match template labels ${selectorText(tpl.labels)}`, evidence: { selector: sel, templateLabels: tpl.labels } };
});
