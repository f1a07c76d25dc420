import type { CheckMeta } from '../../check.js';
import { perContainer } from '../../util/make.js';
import { deployment, goodContainer, yamlDocs } from '../../util/examples.js';

/** Splits an image reference into name, tag and digest (registry ports are not tags). */
export function imageTag(image: string): { tag?: string; digest?: string } {
  const [ref, digest] = image.split('@');
  const slash = ref.lastIndexOf('/');
  const colon = ref.lastIndexOf(':');
  return { tag: colon > slash ? ref.slice(colon + 1) : undefined, digest };
}

const meta: CheckMeta = {
  id: 'image-tag-missing',
  title: 'Image without a tag',
  category: 'workload',
  severity: 'warning',
  aliases: ['polaris:tagNotSpecified', 'kube-score:container-image-tag', 'kube-linter:latest-tag'],
  needs: [],
  docs: {
    why: 'An image without a tag or digest means `:latest`: which version runs depends on when a node pulled it, so rollbacks and reproducible deploys are impossible.',
    fix: 'Pin the image to a version tag (or better, a digest): `image: repo/app:1.4.2`.',
  },
  examples: {
    fail: yamlDocs(deployment('web', {}, { containers: [goodContainer({ image: 'nginx' })] })),
    pass: yamlDocs(deployment('web', {}, { containers: [goodContainer({ image: 'nginx:1.27' })] }), deployment('db', {}, { containers: [goodContainer({ image: 'localhost:5000/pg@sha256:abc' })] })),
  },
};

export const check = perContainer(meta, ({ c }) => {
  if (typeof c.image !== 'string' || !c.image) return { message: `container ${c.name} has no image`, evidence: { image: c.image ?? null } };
  const { tag, digest } = imageTag(c.image);
  if (!tag && !digest) return { message: `container ${c.name} uses image ${c.image} without a tag (means :latest)`, evidence: { image: c.image } };
  return undefined;
}, { init: true });
