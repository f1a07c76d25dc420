// Every linkage check: its own broken example fails with a patch, its healthy example passes, and
// on its broken example no *other* linkage check fires (one fault → one finding).
import { describe, it, expect } from 'vitest';
import { linkageChecks } from './index.js';
import { inventoryFromYaml } from '../../testing.js';

describe('linkage checks on their own examples', () => {
  it('ids and aliases are unique and carry reference rule ids', () => {
    const ids = linkageChecks.map((c) => c.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    const refs = linkageChecks.map((c) => c.meta.aliases?.find((a) => /^[A-Z0-9]+(-[A-Z0-9]+)+$/.test(a)));
    expect(refs.every(Boolean)).toBe(true);
    expect(new Set(refs).size).toBe(refs.length);
  });

  for (const check of linkageChecks) {
    describe(check.meta.id, () => {
      it('fails on its broken example, with a fix and a patch, and nothing else fires', () => {
        const inv = inventoryFromYaml(check.meta.examples.fail);
        const all = linkageChecks.flatMap((c) => c.run({ inv, options: {} }));
        expect(all.map((f) => f.checkId)).toEqual([check.meta.id]);
        const f = all[0];
        expect(f.fix.length).toBeGreaterThan(0);
        expect(f.patch?.content.length).toBeGreaterThan(0);
        if (f.patch?.type === 'diff') expect(f.patch.content).toMatch(/^--- a\/.*\n\+\+\+ b\/.*\n@@ /);
      });
      it('passes on its healthy example', () => {
        const inv = inventoryFromYaml(check.meta.examples.pass);
        expect(check.run({ inv, options: {} })).toEqual([]);
      });
    });
  }
});
