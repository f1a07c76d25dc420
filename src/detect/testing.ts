// Test helpers for checks: build an Inventory from YAML text and run a check's own examples.
import { describe, expect, it } from 'vitest';
import type { Inventory } from '../cmdb/inventory.js';
import type { Finding } from '../model/finding.js';
import type { Check } from './check.js';
import { parseManifestText, type LoadedObject, type LoadProblem } from '../collect/files/load-manifests.js';
import { buildInventory } from '../cmdb/build-inventory.js';

export function inventoryFromYaml(yaml: string, opts: { live?: boolean; cluster?: string; denied?: Map<string, string> } = {}): Inventory {
  const objects: LoadedObject[] = [];
  const problems: LoadProblem[] = [];
  parseManifestText(yaml, 'test.yaml', objects, problems);
  const bad = problems.filter((p) => p.level === 'error');
  if (bad.length) throw new Error(`bad fixture: ${bad.map((p) => `${p.line}: ${p.message}`).join('; ')}`);
  return buildInventory(objects, { cluster: 'test', live: opts.live ?? false, denied: opts.denied });
}

export function runCheck(check: Check, yaml: string, opts: { live?: boolean; options?: Record<string, unknown>; previous?: string } = {}): Finding[] {
  const inv = inventoryFromYaml(yaml, { live: opts.live });
  const previous = opts.previous !== undefined ? inventoryFromYaml(opts.previous, { live: opts.live }) : undefined;
  return check.run({ inv, options: opts.options ?? {}, previous });
}

/** The examples in a check's metadata: `fail` must produce ≥1 finding, `pass` none. */
export function describeExamples(check: Check, opts: { live?: boolean; previousFail?: string; previousPass?: string; options?: Record<string, unknown> } = {}): void {
  describe(`${check.meta.id} examples`, () => {
    it('fails on meta.examples.fail', () => {
      const f = runCheck(check, check.meta.examples.fail, { live: opts.live, previous: opts.previousFail, options: opts.options });
      expect(f.length).toBeGreaterThan(0);
      for (const x of f) {
        expect(x.checkId).toBe(check.meta.id);
        expect(x.message.length).toBeGreaterThan(0);
        expect(x.fix.length).toBeGreaterThan(0);
      }
    });
    it('passes on meta.examples.pass', () => {
      expect(runCheck(check, check.meta.examples.pass, { live: opts.live, previous: opts.previousPass, options: opts.options })).toEqual([]);
    });
  });
}
