// pod-image-pull-failed: Image cannot be pulled.
import { yamlDocs } from '../../util/examples.js';
import { podYaml } from './shared.js';
import { waiting, running, waitingCheck } from './container-state.js';

export const check = waitingCheck({
  id: 'pod-image-pull-failed', title: 'Image cannot be pulled', category: 'runtime', severity: 'critical',
  aliases: ['popeye:202', 'k8sgpt:Pod'], needs: ['live'],
  docs: { why: 'ErrImagePull/ImagePullBackOff: the image or tag does not exist, the registry is unreachable, or credentials (imagePullSecrets) are missing.', fix: 'Check the image name and tag, registry reachability from the nodes, and imagePullSecrets.' },
  examples: { fail: yamlDocs(podYaml('web-1', waiting('ImagePullBackOff', 'Back-off pulling image "shop/app:1.0"'))), pass: yamlDocs(podYaml('web-1', running)) },
}, new Set(['ErrImagePull', 'ImagePullBackOff', 'InvalidImageName', 'ErrImageNeverPull', 'RegistryUnavailable']), () => 'Fix the image reference or the registry credentials (imagePullSecrets).');
