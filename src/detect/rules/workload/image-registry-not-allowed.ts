import type { Check, CheckMeta } from '../../check.js';
import { perContainer } from '../../util/make.js';
import { deployment, goodContainer, yamlDocs } from '../../util/examples.js';

// Configured per organisation: `options: { image-registry-not-allowed: { allowed: [registry.example.com, ghcr.io/acme/] } }`.
const meta: CheckMeta = {
  id: 'image-registry-not-allowed', title: 'Image from a registry that is not allowed', category: 'security', severity: 'warning', aliases: ['popeye:113'], needs: [],
  docs: { why: 'Images from unapproved registries bypass scanning and signing, and may vanish (rate limits, deleted repos). Runs only when `options.allowed` lists registry prefixes in the scan config.', fix: 'Mirror the image into an allowed registry and reference it there.' },
  examples: {
    fail: yamlDocs(deployment('web', {}, { containers: [goodContainer({ image: 'docker.io/library/nginx:1.27' })] })),
    pass: yamlDocs(deployment('web')),
  },
};

/** Docker Hub short names (`nginx`, `user/app`) live on docker.io. */
export function imageRegistryPath(image: string): string {
  const first = image.split('/')[0];
  return image.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost') ? image : `docker.io/${image.includes('/') ? image : `library/${image}`}`;
}

const inner = perContainer(meta, ({ c }, ctx) => {
  const allowed = ctx.options.allowed as string[];
  if (typeof c.image !== 'string') return undefined;
  const full = imageRegistryPath(c.image);
  return allowed.some((a) => full.startsWith(a)) ? undefined : { message: `container ${c.name} pulls ${c.image} (${full.split('/')[0]}), not from ${allowed.join(', ')}`, evidence: { image: c.image, allowed } };
}, { init: true });

export const check: Check = {
  meta,
  run(ctx) {
    const allowed = ctx.options.allowed;
    if (!Array.isArray(allowed) || !allowed.length) {
      ctx.note?.('not configured: set options.image-registry-not-allowed.allowed in the scan config');
      return [];
    }
    return inner.run(ctx);
  },
};
