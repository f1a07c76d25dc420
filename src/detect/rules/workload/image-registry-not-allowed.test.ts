import { describe, expect, it } from 'vitest';
import { check, imageRegistryPath } from './image-registry-not-allowed.js';
import { describeExamples, inventoryFromYaml } from '../../testing.js';
import { runChecks } from '../../engine.js';

describeExamples(check, { options: { allowed: ['registry.example.com/'] } });

describe('image-registry-not-allowed', () => {
  it('expands Docker Hub short names', () => {
    expect(imageRegistryPath('nginx:1.27')).toBe('docker.io/library/nginx:1.27');
    expect(imageRegistryPath('bitnami/redis:7')).toBe('docker.io/bitnami/redis:7');
    expect(imageRegistryPath('localhost:5000/x:1')).toBe('localhost:5000/x:1');
  });
  it('says it is not configured instead of passing silently', () => {
    const r = runChecks(inventoryFromYaml(check.meta.examples.fail), [check]);
    expect(r.outcomes[0]).toMatchObject({ status: 'ran', notes: [expect.stringMatching(/not configured/)] });
  });
});
