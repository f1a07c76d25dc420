// User-written checks: YAML with a CEL expression (the language of ValidatingAdmissionPolicy) over
// the object and its related objects. A bad rule (schema or CEL) is reported with file:line; the
// other rules still load and run.
//
//   id: team-label-required            # kebab-case
//   title: Workloads carry a team label
//   severity: warning                  # critical | warning | info
//   match: { kinds: [Deployment, StatefulSet], apiVersions: [apps/v1], namespaces: [shop] }
//   expression: "has(object.metadata.labels) && 'team' in object.metadata.labels"   # must hold
//   # or: violation: "<CEL>"           # true = finding
//   message: "{kind} {name} has no team label"
//   fix: "Add metadata.labels.team"
//
// Variables: `object` (the manifest, secrets redacted), `related` (map: relation type → objects this
// one points to, e.g. related.selects for a Service's workloads, related.mounts / related.uses for a
// workload's ConfigMaps/Secrets), `referencedBy` (map: relation type → objects pointing here),
// `namespaceObject` (the Namespace, or {}). Evaluation errors (e.g. a missing field: guard with
// has()) are reported on the rule's outcome and produce no finding.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { LineCounter, parseAllDocuments } from 'yaml';
import { z } from 'zod';
import { celEnv, isCelError, parse, plan } from '@bufbuild/cel';
import { strings } from '@bufbuild/cel/ext';
import type { Check, CheckMeta } from './check.js';
import type { Inventory, InventoryItem } from '../cmdb/inventory.js';
import type { Finding } from '../model/finding.js';
import { finding } from './util/finding.js';
import { lineOf } from './yaml-lines.js';
import { issuePath, type ConfigProblem } from './config.js';

export const UserRuleSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case'),
  title: z.string().min(1),
  severity: z.enum(['critical', 'warning', 'info']),
  category: z.enum(['workload', 'security', 'relations', 'capacity', 'runtime', 'waste', 'linkage', 'config-space']).optional(),
  aliases: z.array(z.string()).optional(),
  match: z.strictObject({
    kinds: z.array(z.string()).min(1),
    apiVersions: z.array(z.string()).optional(),
    namespaces: z.array(z.string()).optional(),
  }),
  expression: z.string().optional(),
  violation: z.string().optional(),
  message: z.string().min(1),
  fix: z.string().min(1),
  why: z.string().optional(),
  examples: z.strictObject({ fail: z.string(), pass: z.string() }).optional(),
}).refine((r) => (r.expression === undefined) !== (r.violation === undefined), { message: 'exactly one of expression (must hold) or violation (true = finding) is required', path: ['expression'] });

export type UserRule = z.infer<typeof UserRuleSchema>;

export interface UserRuleSource {
  file: string;
  line?: number;
}

const env = celEnv({ funcs: strings });

function template(s: string, item: InventoryItem): string {
  return s.replace(/\{(kind|name|namespace)\}/g, (_, k: string) => (k === 'kind' ? item.ci.kind : k === 'name' ? item.ci.name : item.ci.namespace));
}

function relatedMap(inv: Inventory, item: InventoryItem, dir: 'from' | 'to'): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  const rels = dir === 'from' ? inv.relationsFrom(item.ci.id) : inv.relationsTo(item.ci.id);
  for (const r of rels) {
    const other = inv.get(dir === 'from' ? r.to : r.from);
    if (!other) continue;
    (out[r.type] ??= []).push(other.obj);
  }
  return out;
}

/** Compiles one validated rule into a Check; throws (with a message) when the CEL does not parse. */
export function compileUserRule(rule: UserRule, src?: UserRuleSource): Check {
  const exprText = rule.expression ?? rule.violation!;
  const program = plan(env, parse(exprText)); // throws on syntax errors
  const meta: CheckMeta = {
    id: rule.id,
    title: rule.title,
    category: rule.category ?? 'workload',
    severity: rule.severity,
    aliases: rule.aliases,
    needs: [],
    docs: { why: rule.why ?? `User rule${src ? ` from ${src.file}${src.line ? `:${src.line}` : ''}` : ''}: ${rule.expression ? `must hold: ${rule.expression}` : `violation when: ${rule.violation}`}`, fix: rule.fix },
    examples: rule.examples ?? { fail: '', pass: '' },
  };
  const kinds = new Set(rule.match.kinds);
  return {
    meta,
    run(ctx) {
      const out: Finding[] = [];
      let errors = 0;
      let firstError = '';
      for (const k of kinds) {
        for (const item of ctx.inv.byKind(k)) {
          if (rule.match.apiVersions && !rule.match.apiVersions.includes(item.obj.apiVersion)) continue;
          if (rule.match.namespaces && !rule.match.namespaces.includes(item.ci.namespace)) continue;
          const ns = item.ci.namespace ? ctx.inv.find('Namespace', '', item.ci.namespace) : undefined;
          const res = program({ object: item.obj, related: relatedMap(ctx.inv, item, 'from'), referencedBy: relatedMap(ctx.inv, item, 'to'), namespaceObject: ns?.obj ?? {} } as never);
          if (isCelError(res) || typeof res !== 'boolean') {
            errors++;
            if (!firstError) firstError = `${item.ci.kind} ${item.ci.name}: ${isCelError(res) ? res.message : `expression returned ${typeof res}, not a bool`}`;
            continue;
          }
          const violated = rule.expression !== undefined ? !res : res;
          if (violated) out.push(finding(meta, item, { message: template(rule.message, item), evidence: { [rule.expression ? 'expression' : 'violation']: exprText, result: res } }));
        }
      }
      if (errors) ctx.note?.(`CEL evaluation failed on ${errors} object(s), no finding for them (guard optional fields with has()); first: ${firstError}`);
      return out;
    },
  };
}

export interface LoadedRules {
  checks: Check[];
  problems: ConfigProblem[];
  sources: Map<string, UserRuleSource>;
}

function ruleFiles(dir: string, problems: ConfigProblem[]): string[] {
  let st;
  try {
    st = statSync(dir);
  } catch (e) {
    problems.push({ file: dir, message: `cannot read rules: ${(e as NodeJS.ErrnoException).code ?? String(e)}` });
    return [];
  }
  if (!st.isDirectory()) return [dir];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...ruleFiles(p, problems));
    else if (['.yaml', '.yml'].includes(extname(name))) out.push(p);
  }
  return out;
}

/** Loads every rule in the files/directories given; bad rules become problems, good ones checks. */
export function loadUserRules(paths: string[], reserved: Set<string> = new Set()): LoadedRules {
  const problems: ConfigProblem[] = [];
  const checks: Check[] = [];
  const sources = new Map<string, UserRuleSource>();
  for (const file of paths.flatMap((p) => ruleFiles(p, problems))) {
    const text = readFileSync(file, 'utf8');
    const lc = new LineCounter();
    for (const doc of parseAllDocuments(text, { lineCounter: lc })) {
      if (doc.errors.length) {
        for (const e of doc.errors) problems.push({ file, line: e.linePos?.[0]?.line, message: e.message.split('\n')[0] });
        continue;
      }
      const js = doc.toJS() as unknown;
      if (js === null || js === undefined) continue;
      const list: Array<{ raw: unknown; path: Array<string | number> }> =
        js && typeof js === 'object' && Array.isArray((js as { rules?: unknown }).rules) ? ((js as { rules: unknown[] }).rules.map((raw, i) => ({ raw, path: ['rules', i] }))) : [{ raw: js, path: [] }];
      for (const { raw, path } of list) {
        const line = lineOf(doc, lc, path);
        const parsed = UserRuleSchema.safeParse(raw);
        if (!parsed.success) {
          for (const i of parsed.error.issues) problems.push({ file, line: lineOf(doc, lc, [...path, ...issuePath(i)]) ?? line, message: `rule ${(raw as { id?: string })?.id ?? '?'}: ${i.path.join('.') || '(root)'}: ${i.message}` });
          continue;
        }
        const rule = parsed.data;
        if (reserved.has(rule.id) || sources.has(rule.id)) {
          problems.push({ file, line, message: `rule ${rule.id}: id already used by ${sources.has(rule.id) ? `${sources.get(rule.id)!.file}` : 'a built-in check'}` });
          continue;
        }
        try {
          checks.push(compileUserRule(rule, { file, line }));
          sources.set(rule.id, { file, line });
        } catch (e) {
          const key = rule.expression !== undefined ? 'expression' : 'violation';
          problems.push({ file, line: lineOf(doc, lc, [...path, key]) ?? line, message: `rule ${rule.id}: bad CEL in ${key}: ${(e as Error).message}` });
        }
      }
    }
  }
  return { checks, problems, sources };
}
