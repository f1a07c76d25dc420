// deprecated-serviceaccount-field: Deprecated serviceAccount field.
import { perTemplate } from '../../util/make.js';
import { deployment, yamlDocs } from '../../util/examples.js';

export const check = perTemplate(
  {
    id: 'deprecated-serviceaccount-field', title: 'Deprecated serviceAccount field', category: 'workload', severity: 'info',
    aliases: ['kube-linter:deprecated-service-account-field'], needs: [],
    docs: { why: '`serviceAccount` is a deprecated alias of `serviceAccountName`; tools that read only the new field miss it.', fix: 'Rename `serviceAccount` to `serviceAccountName`.' },
    examples: { fail: yamlDocs(deployment('web', { serviceAccount: 'web' })), pass: yamlDocs(deployment('web', { serviceAccountName: 'web' })) },
  },
  (tpl) => (tpl.spec?.serviceAccount !== undefined && tpl.spec?.serviceAccountName === undefined ? { message: 'uses serviceAccount instead of serviceAccountName', evidence: { serviceAccount: tpl.spec.serviceAccount } } : undefined),
);
