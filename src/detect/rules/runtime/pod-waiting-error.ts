// pod-waiting-error: Container cannot be created.
import { yamlDocs } from '../../util/examples.js';
import { podYaml } from './shared.js';
import { waiting, waitingCheck } from './container-state.js';

export const check = waitingCheck({
  id: 'pod-waiting-error', title: 'Container cannot be created', category: 'runtime', severity: 'critical',
  aliases: ['popeye:202', 'k8sgpt:Pod'], needs: ['live'],
  docs: { why: 'CreateContainerConfigError / CreateContainerError: usually a missing ConfigMap/Secret key or a bad securityContext; the container never starts.', fix: 'Read the waiting message: create the missing ConfigMap/Secret key or fix the container spec.' },
  examples: { fail: yamlDocs(podYaml('web-1', waiting('CreateContainerConfigError', 'secret "db" not found'))), pass: yamlDocs(podYaml('web-1', waiting('ContainerCreating'))) },
}, new Set(['CreateContainerConfigError', 'CreateContainerError', 'PreCreateHookError', 'PostStartHookError']), () => 'Create the missing ConfigMap/Secret (key) named in the message, or fix the container spec.');
