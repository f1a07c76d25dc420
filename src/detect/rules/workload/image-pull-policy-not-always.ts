import type { CheckMeta } from '../../check.js';
import { perContainer } from '../../util/make.js';
import { containerPatch } from '../../util/patch.js';
import { deployment, goodContainer, yamlDocs } from '../../util/examples.js';
import { imageTag } from './image-tag-missing.js';

// Info, not critical: users dispute "Always" as a rule (zegl/kube-score#48, #39); with pinned tags
// IfNotPresent is a sound choice. We only speak up when a mutable tag is combined with a non-Always policy.
const meta: CheckMeta = {
  id: 'image-pull-policy-not-always',
  title: 'Mutable image tag without imagePullPolicy: Always',
  category: 'workload',
  severity: 'info',
  aliases: ['polaris:pullPolicyNotAlways', 'kube-score:container-image-pull-policy'],
  needs: [],
  docs: {
    why: 'With a mutable tag (`latest`, none) and IfNotPresent/Never, each node keeps whatever it pulled first, so pods run different builds. With pinned tags this does not matter, which is why this is informational.',
    fix: 'Pin the image tag (preferred), or set `imagePullPolicy: Always` for mutable tags.',
  },
  examples: {
    fail: yamlDocs(deployment('web', {}, { containers: [goodContainer({ image: 'nginx:latest', imagePullPolicy: 'IfNotPresent' })] })),
    pass: yamlDocs(deployment('web', {}, { containers: [goodContainer({ image: 'nginx:1.27', imagePullPolicy: 'IfNotPresent' })] }), deployment('web2', {}, { containers: [goodContainer({ image: 'nginx:latest', imagePullPolicy: 'Always' })] })),
  },
};

export const check = perContainer(meta, ({ c, tpl, list }) => {
  if (typeof c.image !== 'string') return undefined;
  const { tag, digest } = imageTag(c.image);
  const mutable = !digest && (!tag || tag === 'latest');
  // Kubernetes defaults the policy to Always for :latest/untagged images, so only an explicit non-Always matters.
  if (mutable && c.imagePullPolicy && c.imagePullPolicy !== 'Always') return { message: `container ${c.name} uses mutable ${c.image} with imagePullPolicy ${c.imagePullPolicy}`, evidence: { image: c.image, imagePullPolicy: c.imagePullPolicy }, patch: containerPatch(tpl, list, c.name, { imagePullPolicy: 'Always' }) };
  return undefined;
}, { init: true });
