import type { CheckMeta } from '../../check.js';
import { perContainer } from '../../util/make.js';
import { deployment, goodContainer, yamlDocs } from '../../util/examples.js';
import { imageTag } from './image-tag-missing.js';

const meta: CheckMeta = {
  id: 'image-tag-latest',
  title: 'Image tag :latest',
  category: 'workload',
  severity: 'warning',
  aliases: ['polaris:tagNotSpecified', 'kube-score:container-image-tag', 'kube-linter:latest-tag'],
  needs: [],
  docs: {
    why: '`:latest` moves: two pods of one Deployment can run different code, and a rollback does not roll the image back.',
    fix: 'Use an immutable version tag or a digest instead of `:latest`.',
  },
  examples: {
    fail: yamlDocs(deployment('web', {}, { containers: [goodContainer({ image: 'nginx:latest' })] })),
    pass: yamlDocs(deployment('web', {}, { containers: [goodContainer({ image: 'nginx:1.27' })] })),
  },
};

export const check = perContainer(meta, ({ c }) => {
  if (typeof c.image !== 'string') return undefined;
  const { tag, digest } = imageTag(c.image);
  return tag === 'latest' && !digest ? { message: `container ${c.name} uses ${c.image}`, evidence: { image: c.image } } : undefined;
}, { init: true });
