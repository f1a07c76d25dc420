// Polaris' resourceRange custom check as a built-in: organisation-specific min/max per resource.
// There is no sensible universal range, so the check runs only when the scan config sets one:
//
//   options:
//     resource-out-of-range:
//       requests: { cpu: { min: 50m, max: "4" }, memory: { min: 64Mi, max: 16Gi } }
//       limits:   { memory: { max: 32Gi } }
//       cpu:      { max: "8" }            # a resource at top level applies to requests and limits
import type { Check, CheckMeta } from '../../check.js';
import { perContainer } from '../../util/make.js';
import { effectiveResources } from '../../util/resources.js';
import { formatResource, parseQuantity } from '../../util/quantity.js';
import { deployment, goodContainer, yamlDocs } from '../../util/examples.js';

type Kind = 'requests' | 'limits';
export interface Range { kind: Kind; resource: string; min?: number; max?: number; minText?: string; maxText?: string }

const meta: CheckMeta = {
  id: 'resource-out-of-range',
  title: 'Resource request/limit outside the configured range',
  category: 'workload',
  severity: 'warning',
  aliases: ['polaris:resourceRange'],
  needs: [],
  docs: {
    why: 'Requests far above what the organisation allows waste capacity that nobody else can schedule on; tiny ones make pods starve or OOM under load. Runs only when a range is configured: `options.resource-out-of-range.requests|limits.<resource>.min|max` in the scan config (a resource at top level applies to both).',
    fix: 'Bring the request/limit inside the configured range, or ask for an exemption for this workload.',
  },
  examples: {
    fail: yamlDocs(deployment('db', {}, { containers: [goodContainer({ resources: { requests: { cpu: '100m', memory: '64Gi' }, limits: { cpu: '500m', memory: '64Gi' } } })] })),
    pass: yamlDocs(deployment('web')),
  },
};

/** The example range `rules explain` and the tests use. */
export const EXAMPLE_OPTIONS = { requests: { memory: { min: '64Mi', max: '16Gi' } }, limits: { memory: { max: '32Gi' } } };

/** Reads the configured ranges; bad entries are returned as problems (noted, not thrown). */
export function parseRanges(options: Record<string, unknown>): { ranges: Range[]; problems: string[] } {
  const ranges: Range[] = [];
  const problems: string[] = [];
  const add = (kind: Kind, resource: string, spec: unknown, where: string) => {
    if (!spec || typeof spec !== 'object' || Array.isArray(spec)) return problems.push(`${where}: expected { min, max }`);
    const s = spec as Record<string, unknown>;
    const r: Range = { kind, resource };
    for (const bound of ['min', 'max'] as const) {
      if (s[bound] === undefined) continue;
      const n = parseQuantity(s[bound]);
      if (n === undefined) problems.push(`${where}.${bound}: "${String(s[bound])}" is not a quantity`);
      else {
        r[bound] = n;
        r[`${bound}Text`] = String(s[bound]);
      }
    }
    if (r.min !== undefined && r.max !== undefined && r.min > r.max) problems.push(`${where}: min ${r.minText} is above max ${r.maxText}`);
    else if (r.min !== undefined || r.max !== undefined) ranges.push(r);
    return undefined;
  };
  for (const [key, v] of Object.entries(options)) {
    if (key === 'requests' || key === 'limits') {
      if (!v || typeof v !== 'object' || Array.isArray(v)) problems.push(`${key}: expected a map of resource → { min, max }`);
      else for (const [res, spec] of Object.entries(v)) add(key, res, spec, `${key}.${res}`);
    } else {
      add('requests', key, v, key);
      add('limits', key, v, key);
    }
  }
  return { ranges, problems: [...new Set(problems)] };
}

export function rangeViolations(ranges: Range[], values: Record<Kind, Record<string, number>>): Array<{ r: Range; value: number; bound: 'min' | 'max' }> {
  const out: Array<{ r: Range; value: number; bound: 'min' | 'max' }> = [];
  for (const r of ranges) {
    const v = values[r.kind][r.resource];
    if (v === undefined) continue; // a missing value is the *-missing checks' business
    if (r.min !== undefined && v < r.min) out.push({ r, value: v, bound: 'min' });
    else if (r.max !== undefined && v > r.max) out.push({ r, value: v, bound: 'max' });
  }
  return out;
}

function makeInner(ranges: Range[]): Check {
  return perContainer(meta, ({ tpl, c }, ctx) => {
    const eff = effectiveResources(ctx.inv, tpl.owner.ci.namespace, c);
    const bad = rangeViolations(ranges, { requests: eff.requests, limits: eff.limits });
    return bad.map(({ r, value, bound }) => ({
      message: `container ${c.name}: ${r.kind}.${r.resource} ${formatResource(r.resource, value)} is ${bound === 'max' ? `above the maximum ${r.maxText}` : `below the minimum ${r.minText}`}`,
      evidence: { [`resources.${r.kind}.${r.resource}`]: c.resources?.[r.kind]?.[r.resource] ?? formatResource(r.resource, value), [bound]: bound === 'max' ? r.maxText : r.minText },
      fix: `Set resources.${r.kind}.${r.resource} ${bound === 'max' ? `to at most ${r.maxText}` : `to at least ${r.minText}`} (configured range), or exempt this workload.`,
    }));
  }, { init: true });
}

export const check: Check = {
  meta,
  run(ctx) {
    const { ranges, problems } = parseRanges(ctx.options);
    for (const p of problems) ctx.note?.(`bad option resource-out-of-range.${p} (ignored)`);
    if (!ranges.length) {
      ctx.note?.('not configured: set options.resource-out-of-range.requests|limits.<resource>.min|max in the scan config');
      return [];
    }
    return makeInner(ranges).run(ctx);
  },
};
