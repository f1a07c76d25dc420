// Own broken/healthy variants (__fixtures__/variants.yaml): Tomcat server.xml/context.xml + MySQL
// and JEUS 6 WEBMain.xml stacks, each yielding exactly its rule.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { linkageChecks } from './index.js';
import { inventoryFromYaml } from '../../testing.js';

const dir = fileURLToPath(new URL('./__fixtures__/', import.meta.url));
const variants = parse(readFileSync(dir + 'variants.yaml', 'utf8')) as Array<{ base: string; id: string; values: Record<string, string>; expect: string[] }>;
const refs = new Set(linkageChecks.flatMap((c) => c.meta.aliases ?? []).filter((a) => /^[A-Z0-9]+(-[A-Z0-9]+)+$/.test(a)));

describe('own linkage variants', () => {
  for (const v of variants) {
    it(`${v.id}: ${v.expect.join(', ') || 'no finding'}`, () => {
      let text = readFileSync(dir + v.base, 'utf8');
      for (const [k, val] of Object.entries(v.values)) text = text.split(k).join(val);
      const inv = inventoryFromYaml(text);
      const f = linkageChecks.flatMap((c) => c.run({ inv, options: {} }));
      expect(f.map((x) => x.aliases?.find((a) => refs.has(a)))).toEqual(v.expect);
      for (const x of f) expect(x.patch?.content, x.checkId).toBeTruthy();
    });
  }
});
