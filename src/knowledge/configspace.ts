// ConfigSpace: constraints on valid configuration, per product (required keys, ranges, CEL
// expressions over an app's facts) and across products (CEL over the facts of both ends of a
// relation). Packs are YAML under knowledge/config-space/ (users add their own directories);
// every problem in a pack is reported as file:line.
import { z } from 'zod';
import { parse as celParse, run as celRun, isCelError } from '@bufbuild/cel';
import type { Inventory } from '../cmdb/inventory.js';
import type { RelationType } from '../model/relation.js';
import { applicationsOf, type AppInstance } from '../collect/middleware/discover.js';
import { parseBinarySize } from '../collect/middleware/sizes.js';
import { builtinKnowledgeDir, loadYamlPack, readText, yamlFiles, type PackProblem } from './yaml-load.js';
import { celFacts, factsOf, rawKeys, type Facts } from './facts.js';

const KeyRule = z.object({
  key: z.string().min(1),
  required: z.boolean().default(false),
  type: z.enum(['int', 'size', 'string', 'bool']).default('string'),
  min: z.union([z.number(), z.string()]).optional(),
  max: z.union([z.number(), z.string()]).optional(),
  values: z.array(z.string()).optional(),
  why: z.string().optional(),
});

const Constraint = z.object({
  id: z.string().min(1),
  /** CEL over `app` (per-product) or `from`/`to` (cross-product); must be true. */
  expr: z.string().min(1),
  /** Only evaluate when this CEL condition holds (e.g. `has(app.memory_limit)`). */
  when: z.string().optional(),
  message: z.string().min(1),
  fix: z.string().optional(),
  severity: z.enum(['critical', 'warning', 'info']).default('warning'),
});

export const ProductSpaceSchema = z.object({
  product: z.string().min(1),
  keys: z.array(KeyRule).default([]),
  constraints: z.array(Constraint).default([]),
});

export const CrossSpaceSchema = z.object({
  cross: z.array(
    Constraint.extend({
      from: z.string().min(1),
      to: z.string().min(1),
      relation: z.enum(['connects-to', 'routes-to']),
      /** `sum`: `from` facts are summed over every app linked to the same `to` (pool × replicas). */
      aggregate: z.enum(['each', 'sum']).default('each'),
    }),
  ),
});


type Located<T> = T & { file: string; line: number };
export type ProductSpace = Omit<z.infer<typeof ProductSpaceSchema>, 'keys' | 'constraints'> & {
  keys: Array<Located<z.infer<typeof KeyRule>>>;
  constraints: Array<Located<z.infer<typeof Constraint>>>;
};
export type CrossConstraint = Located<z.infer<typeof CrossSpaceSchema>['cross'][number]>;

export interface ConfigSpace {
  products: Map<string, ProductSpace>;
  cross: CrossConstraint[];
  problems: PackProblem[];
}

function celSyntax(expr: string): string | undefined {
  try {
    celParse(expr);
    return undefined;
  } catch (e) {
    return (e as Error).message.split('\n')[0];
  }
}

export function loadConfigSpace(dirs: string[] = [], opts: { builtin?: boolean } = {}): ConfigSpace {
  const space: ConfigSpace = { products: new Map(), cross: [], problems: [] };
  const paths = [...(opts.builtin === false ? [] : [builtinKnowledgeDir('config-space')]), ...dirs];
  for (const p of paths) {
    let files: string[];
    try {
      files = yamlFiles(p);
    } catch (e) {
      space.problems.push({ file: p, line: 1, message: `cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}` });
      continue;
    }
    for (const file of files) {
      const text = readText(file);
      // Pick the schema by shape so errors point inside the pack, not at its root.
      const raw = loadYamlPack(text, file, z.unknown()).value;
      const isCross = !!raw && typeof raw === 'object' && 'cross' in raw;
      const r = isCross ? loadYamlPack(text, file, CrossSpaceSchema) : loadYamlPack(text, file, ProductSpaceSchema);
      space.problems.push(...r.problems);
      if (!r.value) continue;
      const checkExpr = (path: Array<string | number>, expr: string | undefined) => {
        const err = expr ? celSyntax(expr) : undefined;
        if (err) space.problems.push({ file, line: r.lineOf(path), message: `invalid CEL: ${err}` });
        return !err;
      };
      if ('product' in r.value) {
        const ps: ProductSpace = space.products.get(r.value.product) ?? { product: r.value.product, keys: [], constraints: [] };
        r.value.keys.forEach((k, i) => ps.keys.push({ ...k, file, line: r.lineOf(['keys', i]) }));
        r.value.constraints.forEach((c, i) => {
          if (checkExpr(['constraints', i, 'expr'], c.expr) && checkExpr(['constraints', i, 'when'], c.when)) ps.constraints.push({ ...c, file, line: r.lineOf(['constraints', i]) });
        });
        space.products.set(ps.product, ps);
      } else {
        r.value.cross.forEach((c, i) => {
          if (checkExpr(['cross', i, 'expr'], c.expr) && checkExpr(['cross', i, 'when'], c.when)) space.cross.push({ ...c, file, line: r.lineOf(['cross', i]) });
        });
      }
    }
  }
  return space;
}

export interface Violation {
  constraint: string;
  severity: 'critical' | 'warning' | 'info';
  apps: string[];
  message: string;
  fix?: string;
  /** Where the value is (config file:line) when it is a key rule, else the constraint's pack line. */
  location: { file: string; line: number };
  facts: Record<string, unknown>;
}

/** `${app.memory_target}` style placeholders in messages; sizes (keys ending in memory/size/room/...) shown in Mi/Gi. */
function fill(tpl: string, vars: Record<string, Facts>): string {
  return tpl.replace(/\$\{(\w+)\.(\w+)\}/g, (whole, o: string, k: string) => {
    const v = vars[o]?.[k];
    if (v === undefined) return whole;
    if (typeof v === 'number' && /memory|limit|room|shm|cache|buffer|target|request|work_mem|shared/.test(k) && v >= 1024 ** 2) {
      return v % 1024 ** 3 === 0 ? `${v / 1024 ** 3}Gi` : `${Math.round(v / 1024 ** 2)}Mi`;
    }
    return String(v);
  });
}

function truthy(expr: string, bindings: Record<string, unknown>): boolean | undefined {
  const r = celRun(expr, bindings as never);
  if (isCelError(r)) return undefined; // a fact it needs is missing: not applicable
  return r === true;
}

function checkKey(a: AppInstance, k: ProductSpace['keys'][number], raw: ReturnType<typeof rawKeys>): Violation | undefined {
  const found = Object.entries(raw).find(([name]) => name.toLowerCase() === k.key.toLowerCase());
  const base = { constraint: `${a.product}.${k.key}`, severity: 'warning' as const, apps: [a.id] };
  if (!found) {
    return k.required && a.files.length ? { ...base, message: `${a.product} ${a.name}: required key ${k.key} is not set${k.why ? ` (${k.why})` : ''}`, location: { file: k.file, line: k.line }, facts: {} } : undefined;
  }
  const [, v] = found;
  const num = (x: string | number | undefined) => (x === undefined ? undefined : k.type === 'size' ? (typeof x === 'number' ? x : parseBinarySize(x)) : Number(x));
  if (k.type === 'int' || k.type === 'size') {
    const n = num(v.value);
    if (n === undefined || Number.isNaN(n)) return { ...base, message: `${a.product} ${a.name}: ${k.key} = ${v.value} is not a${k.type === 'int' ? 'n integer' : ' size'}`, location: { file: v.file, line: v.line }, facts: { [k.key]: v.value } };
    const min = num(k.min);
    const max = num(k.max);
    if ((min !== undefined && n < min) || (max !== undefined && n > max)) {
      return { ...base, message: `${a.product} ${a.name}: ${k.key} = ${v.value} is outside ${k.min ?? '-∞'}..${k.max ?? '∞'}${k.why ? ` (${k.why})` : ''}`, location: { file: v.file, line: v.line }, facts: { [k.key]: v.value } };
    }
  }
  if (k.values && !k.values.map((x) => x.toLowerCase()).includes(v.value.toLowerCase())) {
    return { ...base, message: `${a.product} ${a.name}: ${k.key} = ${v.value} is not one of ${k.values.join(', ')}`, location: { file: v.file, line: v.line }, facts: { [k.key]: v.value } };
  }
  return undefined;
}

/** Validates every discovered application (and every cross-product link) against the space. */
export function validateConfigSpace(inv: Inventory, space: ConfigSpace, apps: AppInstance[] = applicationsOf(inv).apps, relations = applicationsOf(inv).relations): Violation[] {
  const out: Violation[] = [];
  const facts = new Map(apps.map((a) => [a.id, factsOf(inv, a)]));
  for (const a of apps) {
    const ps = space.products.get(a.product);
    if (!ps) continue;
    const raw = rawKeys(a);
    for (const k of ps.keys) {
      const v = checkKey(a, k, raw);
      if (v) out.push(v);
    }
    const f = facts.get(a.id)!;
    const b = { app: celFacts(f) };
    for (const c of ps.constraints) {
      if (c.when && truthy(c.when, b) !== true) continue;
      if (truthy(c.expr, b) !== false) continue;
      out.push({ constraint: c.id, severity: c.severity, apps: [a.id], message: fill(c.message, { app: f }), fix: c.fix && fill(c.fix, { app: f }), location: { file: c.file, line: c.line }, facts: f });
    }
  }
  const byId = new Map(apps.map((a) => [a.id, a]));
  for (const c of space.cross) {
    const links = relations.filter((r) => r.type === (c.relation as RelationType) && byId.get(r.from)?.product === c.from && byId.get(r.to)?.product === c.to);
    const groups = new Map<string, string[]>();
    for (const r of links) groups.set(r.to, [...(groups.get(r.to) ?? []), r.from]);
    for (const [to, froms] of groups) {
      const tf = facts.get(to)!;
      const fromSets = c.aggregate === 'sum' ? [froms] : froms.map((x) => [x]);
      for (const set of fromSets) {
        const ff = sumFacts(set.map((id) => facts.get(id)!));
        const b = { from: celFacts(ff), to: celFacts(tf) };
        if (c.when && truthy(c.when, b) !== true) continue;
        if (truthy(c.expr, b) !== false) continue;
        out.push({ constraint: c.id, severity: c.severity, apps: [...set, to], message: fill(c.message, { from: ff, to: tf }), fix: c.fix && fill(c.fix, { from: ff, to: tf }), location: { file: c.file, line: c.line }, facts: { from: ff, to: tf } });
      }
    }
  }
  return out;
}

/** Facts of several `from` apps for a `sum` constraint: per-pod values × replicas are summed into `<k>_total`. */
function sumFacts(list: Facts[]): Facts {
  if (list.length === 1) {
    const f = { ...list[0] };
    for (const [k, v] of Object.entries(list[0])) if (typeof v === 'number' && k !== 'replicas') f[`${k}_total`] = v * Number(list[0].replicas ?? 1);
    return f;
  }
  const out: Facts = { ...list[0], replicas: list.reduce((s, f) => s + Number(f.replicas ?? 1), 0) };
  for (const k of Object.keys(list[0])) {
    if (typeof list[0][k] !== 'number' || k === 'replicas') continue;
    out[`${k}_total`] = list.reduce((s, f) => s + Number(f[k] ?? 0) * Number(f.replicas ?? 1), 0);
  }
  return out;
}
